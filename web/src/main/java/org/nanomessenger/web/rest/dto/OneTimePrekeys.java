// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

import java.util.List;

/**
 * {@code POST /api/v1/keys/one-time}: 1 to 100 one-time prekeys.
 *
 * @param prekeys the keys
 */
public record OneTimePrekeys(List<PrekeyDto> prekeys) {
}
