package dev.lakehouse.validated.verdict;

import tools.jackson.databind.JsonNode;

/** A value of a payload and the RFC 6901 pointer to it. */
public record Located(String pointer, JsonNode node) {
}
