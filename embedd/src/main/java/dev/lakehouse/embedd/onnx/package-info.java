/** The in-process all-MiniLM-L6-v2 model (ONNX Runtime), the embedded default that needs no network. */
@NullMarked
package dev.lakehouse.embedd.onnx;

import org.jspecify.annotations.NullMarked;
