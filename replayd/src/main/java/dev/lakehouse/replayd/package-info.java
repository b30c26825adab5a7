/** replayd: replays recorded prompts on another model, validates, compares and reports (DESIGN 3). */
@NullMarked
package dev.lakehouse.replayd;

import org.jspecify.annotations.NullMarked;
