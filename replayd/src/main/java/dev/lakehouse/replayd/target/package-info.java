/**
 * Sending a recorded prompt to the replay target through chatd, within the run's rate and
 * concurrency, backing off when chatd answers 429 (its Retry-After is honoured by every
 * worker of the run, not only the one that got it).
 */
@NullMarked
package dev.lakehouse.replayd.target;

import org.jspecify.annotations.NullMarked;
