package dev.lakehouse.chassis.lake;

import tools.jackson.databind.JsonNode;

/** One valid record read from the lake, with where it came from (line numbers start at 1). */
public record LakeLine(Segment segment, long lineNumber, JsonNode record) {
}
