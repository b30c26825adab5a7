/** The canonical contract of the lake: schema ids, the catalog of JSON Schemas, and validation. */
@NullMarked
package dev.lakehouse.schemas;

import org.jspecify.annotations.NullMarked;
