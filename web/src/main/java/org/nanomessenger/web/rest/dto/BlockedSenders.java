// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.web.rest.dto;

import java.util.List;

/**
 * The senders the caller has blocked.
 *
 * @param usernames in alphabetical order
 */
public record BlockedSenders(List<String> usernames) {
}
