/**
 * What a run replays: observations from the lake that match its filters, or the lines of a
 * dataset version. A source is pinned when its run starts, so a resumed run reads exactly the
 * same records in the same order, however the lake has grown since.
 */
@NullMarked
package dev.lakehouse.replayd.source;

import org.jspecify.annotations.NullMarked;
