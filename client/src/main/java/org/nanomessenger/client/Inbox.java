// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.util.List;

/**
 * What one {@link NanoClient#fetch()} brought: the new messages, oldest first, and the envelopes
 * refused on the way. Both were acknowledged, so neither comes again.
 *
 * @param messages new messages, in the order the server accepted them
 * @param rejections envelopes refused and discarded
 */
public record Inbox(List<ReceivedMessage> messages, List<Rejection> rejections) {

    public Inbox {
        messages = List.copyOf(messages);
        rejections = List.copyOf(rejections);
    }
}
