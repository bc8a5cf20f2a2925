// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.client.ClientState.PrekeyRecord;
import org.nanomessenger.client.logging.ClientLogger;
import org.nanomessenger.client.session.Handshake;
import org.nanomessenger.client.transport.ServerApi;
import org.nanomessenger.crypto.provider.NanoPQProvider;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.Prekey;
import org.nanomessenger.protocol.PrekeyKind;

/**
 * The client's prekeys (docs/protocol.md §9.9): makes them, keeps their private halves in the
 * state before the public halves go to the server, tops up the one-time prekeys before they run
 * out and replaces the signed prekey when it is old.
 */
final class Prekeys {

    /** Below this many one-time prekeys on the server, the client publishes more. */
    static final int ONE_TIME_LOW_WATER = 20;
    /** How many one-time prekeys the client keeps on the server. */
    static final int ONE_TIME_TARGET = 50;
    /** How long a signed prekey is used before it is replaced. */
    static final Duration SIGNED_PREKEY_LIFETIME = Duration.ofDays(7);
    /** How many replaced signed prekeys are kept for handshakes under way. */
    static final int PREVIOUS_SIGNED_PREKEYS = 2;
    /** The largest batch the server takes (§3.9). */
    private static final int MAX_BATCH = 100;

    private final StateAccess states;
    private final Connection connection;
    private final Identity identity;

    Prekeys(StateAccess states, Connection connection, Identity identity) {
        this.states = states;
        this.connection = connection;
        this.identity = identity;
    }

    /**
     * Publishes what is missing: a signed prekey (a new one when the current one is older than
     * {@link #SIGNED_PREKEY_LIFETIME}), a last-resort prekey, and one-time prekeys when fewer
     * than {@value #ONE_TIME_LOW_WATER} are left.
     *
     * @param republish also upload the current signed and last-resort prekeys again, as
     *        registration does (an earlier attempt may have stored them without uploading them)
     */
    void publish(boolean republish) throws NanoException {
        ClientState state = states.read();
        if (state.signedPrekey == null || Instant.ofEpochMilli(state.signedPrekey.createdAt)
                .plus(SIGNED_PREKEY_LIFETIME).isBefore(Instant.now())) {
            replace(PrekeyKind.SIGNED);
        } else if (republish) {
            upload(PrekeyKind.SIGNED, state.signedPrekey);
        }
        if (state.lastResortPrekey == null) {
            replace(PrekeyKind.LAST_RESORT);
        } else if (republish) {
            upload(PrekeyKind.LAST_RESORT, state.lastResortPrekey);
        }
        int onServer = oneTimeOnServer();
        if (onServer < ONE_TIME_LOW_WATER) {
            topUp(onServer);
        }
    }

    /** Tops the one-time prekeys on the server up to {@value #ONE_TIME_TARGET}; answers how many went up. */
    int topUp() throws NanoException {
        return topUp(oneTimeOnServer());
    }

    private int topUp(int onServer) throws NanoException {
        int wanted = Math.min(MAX_BATCH, ONE_TIME_TARGET - onServer);
        if (wanted <= 0) {
            return 0;
        }
        List<PrekeyRecord> batch = states.update(state -> {
            List<PrekeyRecord> created = new ArrayList<>();
            for (int i = 0; i < wanted; i++) {
                PrekeyRecord record = create(state, PrekeyKind.ONE_TIME);
                state.oneTimePrekeys.put(record.keyId, record);
                created.add(record);
            }
            return created;
        });

        ArrayNode prekeys = ServerApi.object().arrayNode();
        for (PrekeyRecord record : batch) {
            prekeys.add(body(PrekeyKind.ONE_TIME, record));
        }
        ObjectNode body = ServerApi.object();
        body.set("prekeys", prekeys);
        connection.authorized(token -> connection.api().post("/keys/one-time", token, body));
        ClientLogger.LOG.publishedOneTimePrekeys(wanted);
        return wanted;
    }

    /** Makes a new signed or last-resort prekey, keeps it (and the replaced one, if signed) and uploads it. */
    void replace(PrekeyKind kind) throws NanoException {
        PrekeyRecord record = states.update(state -> {
            PrekeyRecord created = create(state, kind);
            if (kind == PrekeyKind.LAST_RESORT) {
                state.lastResortPrekey = created;
                return created;
            }
            if (state.signedPrekey != null) {
                state.previousSignedPrekeys.addFirst(state.signedPrekey);
            }
            while (state.previousSignedPrekeys.size() > PREVIOUS_SIGNED_PREKEYS) {
                state.previousSignedPrekeys.removeLast();
            }
            state.signedPrekey = created;
            return created;
        });
        upload(kind, record);
    }

    KeyStatus status() throws NanoException {
        ClientState before = states.read();
        if (before.signedPrekey == null || before.lastResortPrekey == null) {
            // A registration interrupted before its prekeys were made: make them now
            publish(true);
        }
        int onServer = oneTimeOnServer();
        ClientState state = states.read();
        return new KeyStatus(onServer, state.oneTimePrekeys.size(), state.signedPrekey.keyId,
                Instant.ofEpochMilli(state.signedPrekey.createdAt), state.lastResortPrekey.keyId);
    }

    /** The prekey of {@code kind} and {@code keyId} this client still holds, for a handshake; or null. */
    static Handshake.HeldPrekey held(ClientState state, PrekeyKind kind, long keyId) {
        List<PrekeyRecord> candidates = new ArrayList<>();
        switch (kind) {
            case SIGNED -> {
                candidates.add(state.signedPrekey);
                candidates.addAll(state.previousSignedPrekeys);
            }
            case LAST_RESORT -> candidates.add(state.lastResortPrekey);
            case ONE_TIME -> candidates.add(state.oneTimePrekeys.get(keyId));
        }
        return candidates.stream().filter(record -> record != null && record.keyId == keyId).findFirst()
                .map(record -> new Handshake.HeldPrekey(new Handshake.PublicPrekey(kind, keyId, record.publicKey),
                        record.privateKey))
                .orElse(null);
    }

    private int oneTimeOnServer() throws NanoException {
        return connection.authorized(token -> connection.api().get("/keys/one-time/count", token))
                .path("count").asInt();
    }

    private void upload(PrekeyKind kind, PrekeyRecord record) throws NanoException {
        String path = kind == PrekeyKind.SIGNED ? "/keys/signed" : "/keys/last-resort";
        ObjectNode body = body(kind, record);
        connection.authorized(token -> connection.api().put(path, token, body));
    }

    private PrekeyRecord create(ClientState state, PrekeyKind kind) {
        KeyPair pair = generate(identity.mode().kemAlgorithm());
        PrekeyRecord record = new PrekeyRecord();
        record.kind = kind.wireName();
        record.keyId = state.takeKeyId();
        record.publicKey = pair.getPublic().getEncoded();
        record.privateKey = pair.getPrivate().getEncoded();
        record.createdAt = System.currentTimeMillis();
        return record;
    }

    /** The prekey object of §3.2, signed over the prekey signing input (§2.5). */
    private ObjectNode body(PrekeyKind kind, PrekeyRecord record) throws NanoException {
        String algorithm = identity.mode().kemAlgorithm();
        byte[] input = new Prekey(identity.username(), kind, record.keyId, algorithm, record.publicKey)
                .signingInput();
        return ServerApi.object().put("keyId", record.keyId).put("algorithm", algorithm)
                .put("publicKey", Base64Url.encode(record.publicKey))
                .put("signature", Base64Url.encode(identity.sign(input)));
    }

    static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm, new NanoPQProvider()).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new ProviderException("NanoPQ cannot generate a " + algorithm + " key", e);
        }
    }
}
