@NullMarked
package dev.lakehouse.deploy.k8s;

import org.jspecify.annotations.NullMarked;
