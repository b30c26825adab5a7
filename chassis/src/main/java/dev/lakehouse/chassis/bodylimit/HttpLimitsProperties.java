package dev.lakehouse.chassis.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every daemon applies to incoming requests.
 *
 * @param maxBodySize largest request body accepted; larger ones get 413 before they are parsed
 */
@ConfigurationProperties("lakehouse.http")
public record HttpLimitsProperties(@DefaultValue("16MB") DataSize maxBodySize) {
}
