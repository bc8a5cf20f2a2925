// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

import java.util.List;

/**
 * What a client needs to know before it registers: the weakest crypto mode the server accepts and
 * the limits it enforces.
 *
 * @param minimumMode the server policy: {@code classical}, {@code hybrid} or {@code quantum}
 * @param acceptedModes every mode at or above the policy
 * @param maxEnvelopeBytes the largest ciphertext accepted, in bytes
 * @param clockSkewSeconds how far an envelope's timestamp may be from the server's clock
 */
public record ServerInfo(String minimumMode, List<String> acceptedModes, int maxEnvelopeBytes,
        long clockSkewSeconds) {
}
