/**
 * replayd's peers as declarative HTTP clients: chatd (the target), validated (the verdicts)
 * and embedd (the similarity). The chassis gives each group its base URL
 * ({@code LAKEHOUSE_<DAEMON>_URL}), the internal token and the request id.
 */
@NullMarked
package dev.lakehouse.replayd.peer;

import org.jspecify.annotations.NullMarked;
