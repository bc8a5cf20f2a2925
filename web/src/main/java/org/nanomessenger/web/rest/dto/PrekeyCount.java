// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

/**
 * How many one-time prekeys the caller has left on the server.
 *
 * @param count the number left
 */
public record PrekeyCount(long count) {
}
