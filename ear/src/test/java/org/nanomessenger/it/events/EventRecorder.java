// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.it.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.nanomessenger.ejb.api.event.SecurityEvent;

/**
 * Added to the web module by EventsIT only: records every security event as its {@code toString},
 * as an audit log would observe them.
 */
@ApplicationScoped
public class EventRecorder {

    private final List<String> events = new CopyOnWriteArrayList<>();

    void record(@Observes SecurityEvent event) {
        events.add(event.toString());
    }

    List<String> events() {
        return events;
    }
}
