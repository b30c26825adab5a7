package dev.lakehouse.schemas.observation;

/** Why a call failed, without secrets. */
public record ErrorInfo(String code, String message) {
}
