// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * An accepted envelope.
 *
 * @param id the envelope id
 * @param acceptedAt when the server accepted it, milliseconds since the epoch
 */
public record SubmitResponse(String id, long acceptedAt) {
}
