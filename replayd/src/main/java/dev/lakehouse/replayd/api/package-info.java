/** {@code /v1/replays}: start, list, poll, report and cancel replay runs. */
@NullMarked
package dev.lakehouse.replayd.api;

import org.jspecify.annotations.NullMarked;
