@NullMarked
package dev.lakehouse.deploy.dashboards;

import org.jspecify.annotations.NullMarked;
