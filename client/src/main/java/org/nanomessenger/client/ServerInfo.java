// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.net.URI;
import java.util.List;

import org.nanomessenger.protocol.CryptoMode;

/**
 * What {@code GET /api/v1/server} says.
 *
 * @param url the server's base URL
 * @param minimumMode the weakest mode the server accepts
 * @param acceptedModes every mode it accepts, weakest first
 * @param maxEnvelopeBytes the largest ciphertext it accepts
 * @param clockSkewSeconds how far signed timestamps may be from its clock
 */
public record ServerInfo(URI url, CryptoMode minimumMode, List<CryptoMode> acceptedModes, int maxEnvelopeBytes,
        int clockSkewSeconds) {
}
