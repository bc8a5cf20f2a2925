// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.api;

/**
 * Who a bearer token belongs to.
 *
 * @param username the normalised username
 * @param device the device name the token was issued to
 */
public record Caller(String username, String device) {
}
