/** Detection of sensitive data in generated text: payment card numbers and national identity numbers. */
@NullMarked
package dev.lakehouse.validated.sensitive;

import org.jspecify.annotations.NullMarked;
