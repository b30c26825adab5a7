/**
 * The report of a run ({@code lakehouse.replay-report/v1}), computed from its results alone,
 * so a resumed run, a cancelled one and one still running all report the same way.
 */
@NullMarked
package dev.lakehouse.replayd.report;

import org.jspecify.annotations.NullMarked;
