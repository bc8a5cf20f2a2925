// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

/**
 * The number two users compare out of band to check that each holds the other's real identity
 * key: 60 digits, the same on both sides. See docs/protocol.md §9.8.
 *
 * @param localUser this client's user
 * @param remoteUser the contact
 * @param digits the 60 digits, without spaces
 */
public record SafetyNumber(String localUser, String remoteUser, String digits) {

    /** The digits in twelve groups of five, in three lines of four groups. */
    public String formatted() {
        StringBuilder out = new StringBuilder();
        for (int group = 0; group < 12; group++) {
            if (group > 0) {
                out.append(group % 4 == 0 ? '\n' : ' ');
            }
            out.append(digits, group * 5, group * 5 + 5);
        }
        return out.toString();
    }
}
