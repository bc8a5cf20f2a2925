// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.nanomessenger.client.logging.ClientLogger;
import org.nanomessenger.client.session.EnvelopeContext;
import org.nanomessenger.client.session.Handshake;
import org.nanomessenger.client.session.SafetyNumbers;
import org.nanomessenger.client.session.Session;
import org.nanomessenger.client.session.SessionException;
import org.nanomessenger.client.session.SessionState;
import org.nanomessenger.client.store.Argon2Settings;
import org.nanomessenger.client.store.EncryptedStore;
import org.nanomessenger.client.transport.ServerApi;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.Envelope;
import org.nanomessenger.protocol.PrekeyKind;
import org.nanomessenger.protocol.Registration;
import org.nanomessenger.protocol.Usernames;

/**
 * A Nano-Messenger client: one user's identity, keys, sessions and history in an encrypted state
 * directory, and the calls to a server. All end-to-end cryptography happens here; the server only
 * sees envelopes (docs/protocol.md §9).
 *
 * <p>Every change to the state is a transaction under the directory's lock: read, change, write
 * atomically. Several processes (a {@code listen} and a {@code send}) can therefore share one
 * directory. The bearer token lives in memory only.
 *
 * <pre>{@code
 * try (NanoClient alice = NanoClient.open(dir, passphrase)) {
 *     alice.send("bob", "hello");
 *     for (ReceivedMessage message : alice.fetch().messages()) { ... }
 * }
 * }</pre>
 */
public final class NanoClient implements AutoCloseable {

    /** The environment variable naming the state directory. */
    public static final String STATE_DIR_ENV = "NANO_STATE_DIR";
    /** The server a new client talks to unless told otherwise. */
    public static final URI DEFAULT_SERVER = URI.create("http://localhost:8080");
    /** The most envelopes {@code GET /envelopes} lists at once (§3.13). */
    private static final int LISTING_LIMIT = 100;
    private static final String DEVICE = "primary";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StateAccess states;
    private final Identity identity;
    private final Connection connection;
    private final Prekeys prekeys;
    private final Contacts contacts;
    private final Inbound inbound;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private NanoClient(EncryptedStore store, ClientState state) throws StateException {
        this.states = new StateAccess(store);
        this.identity = Identity.of(state);
        this.connection = new Connection(new ServerApi(URI.create(state.server)), identity);
        this.prekeys = new Prekeys(states, connection, identity);
        this.contacts = new Contacts(states, connection, identity);
        this.inbound = new Inbound(states, contacts, identity);
    }

    /** {@code $NANO_STATE_DIR}, else {@code ~/.nano-messenger}. */
    public static Path defaultStateDirectory() {
        String configured = System.getenv(STATE_DIR_ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".nano-messenger");
    }

    /** Whether a client was initialised in {@code stateDirectory}. */
    public static boolean exists(Path stateDirectory) {
        return EncryptedStore.exists(stateDirectory);
    }

    /**
     * Initialises a client: a new identity key pair of {@code mode} and the encrypted state, under
     * {@code passphrase} (Argon2id). Nothing is sent to the server until {@link #register()}.
     *
     * @param minimumMode the weakest mode this user will send or accept messages in
     * @throws StateException {@code EXISTS} if the directory holds a client, {@code UNUSABLE} if it
     *         cannot be written
     * @throws IllegalArgumentException for an invalid username, a blank passphrase or a minimum
     *         above the identity's mode
     */
    public static NanoClient create(Path stateDirectory, char[] passphrase, String username, URI server,
            CryptoMode mode, CryptoMode minimumMode) throws NanoException {
        String normalised = requireUsername(username);
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("The passphrase must not be empty");
        }
        if (!mode.isAtLeast(minimumMode)) {
            throw new IllegalArgumentException("The minimum mode " + minimumMode.wireName()
                    + " is stronger than the identity's mode " + mode.wireName());
        }

        KeyPair keys = Prekeys.generate(mode.signatureAlgorithm());
        ClientState state = new ClientState();
        state.username = normalised;
        state.device = DEVICE;
        state.server = checkServer(server).toString();
        state.mode = mode.wireName();
        state.minimumMode = minimumMode.wireName();
        state.identityPrivate = keys.getPrivate().getEncoded();
        state.identityPublic = keys.getPublic().getEncoded();

        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            EncryptedStore store = EncryptedStore.create(stateDirectory, passphrase,
                    Argon2Settings.recommended(salt));
            store.write(ClientState.FILE, ClientState.JSON.writeValueAsBytes(state));
            store.write(HistoryFile.FILE, ClientState.JSON.writeValueAsBytes(new HistoryFile()));
            return new NanoClient(store, state);
        } catch (FileAlreadyExistsException e) {
            throw new StateException(StateException.Reason.EXISTS, "A client is already initialised in "
                    + stateDirectory + "; use another --state-dir", e);
        } catch (IOException e) {
            throw new StateException(StateException.Reason.UNUSABLE, "Cannot write " + stateDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Opens an initialised client.
     *
     * @throws StateException {@code MISSING} if there is none, {@code WRONG_PASSPHRASE},
     *         {@code UNUSABLE} if the files cannot be read
     */
    public static NanoClient open(Path stateDirectory, char[] passphrase) throws NanoException {
        if (!exists(stateDirectory)) {
            throw new StateException(StateException.Reason.MISSING, "No client in " + stateDirectory
                    + ": run 'nano init' first (or point --state-dir or " + STATE_DIR_ENV + " at one)");
        }
        try {
            EncryptedStore store = EncryptedStore.open(stateDirectory, passphrase);
            return new NanoClient(store, StateAccess.load(store));
        } catch (NoSuchFileException e) {
            throw new StateException(StateException.Reason.MISSING, "No client in " + stateDirectory, e);
        } catch (IOException e) {
            throw new StateException(StateException.Reason.UNUSABLE, "Cannot read " + stateDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /** This user's normalised username. */
    public String username() {
        return identity.username();
    }

    /** This device's name on the server. */
    public String device() {
        return identity.device();
    }

    /** The mode of this user's identity and prekeys. */
    public CryptoMode mode() {
        return identity.mode();
    }

    /** The weakest mode this user sends or accepts messages in. */
    public CryptoMode minimumMode() {
        return identity.minimumMode();
    }

    /** The server this client is configured for, as stored in its state. */
    public URI server() throws NanoException {
        return URI.create(states.read().server);
    }

    /** Whether {@link #register()} has created the account. */
    public boolean registered() throws NanoException {
        return states.read().registered;
    }

    /** SHA-256 of this user's identity key (SubjectPublicKeyInfo DER), in hex. */
    public String identityFingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(identity.publicKey()));
        } catch (GeneralSecurityException e) {
            throw new ProviderException(e);
        }
    }

    /**
     * Points this client at another server. Only before registration: an account lives on one
     * server. Takes effect when the client is next opened.
     *
     * @throws StateException {@code UNUSABLE} once registered
     */
    public void changeServer(URI server) throws NanoException {
        URI checked = checkServer(server);
        states.update(state -> {
            if (state.registered) {
                throw new StateException(StateException.Reason.UNUSABLE, state.username + " is registered at "
                        + state.server + "; initialise another state directory for another server");
            }
            state.server = checked.toString();
            return null;
        });
    }

    /** The server's policy and limits ({@code GET /server}), from the configured server. */
    public ServerInfo serverInfo() throws NanoException {
        URI configured = server();
        ServerApi api = configured.equals(connection.api().base()) ? connection.api() : new ServerApi(configured);
        JsonNode body = api.get("/server", null);
        List<CryptoMode> accepted = new ArrayList<>();
        for (JsonNode node : body.path("acceptedModes")) {
            accepted.add(ServerApi.mode(node));
        }
        return new ServerInfo(api.base(), ServerApi.mode(body.path("minimumMode")),
                List.copyOf(accepted), body.path("maxEnvelopeBytes").asInt(), body.path("clockSkewSeconds").asInt());
    }

    /**
     * Registers the username with this device's identity key, signs in, and publishes a signed, a
     * last-resort and {@value Prekeys#ONE_TIME_TARGET} one-time prekeys. Running it again after a
     * failure picks up where it stopped.
     *
     * @throws ServerProblemException {@code username-taken}, {@code mode-below-policy}, ...
     */
    public void register() throws NanoException {
        if (!states.read().registered) {
            createAccount();
            states.update(state -> {
                state.registered = true;
                return null;
            });
        }
        prekeys.publish(true);
    }

    private void createAccount() throws NanoException {
        long now = System.currentTimeMillis();
        byte[] input = new Registration(identity.username(), identity.device(),
                identity.mode().signatureAlgorithm(), identity.publicKey(), now).signingInput();
        try {
            connection.api().post("/accounts", null, ServerApi.object().put("username", identity.username())
                    .put("device", identity.device()).put("identityKey", Base64Url.encode(identity.publicKey()))
                    .put("timestamp", now).put("signature", Base64Url.encode(identity.sign(input))));
        } catch (ServerProblemException e) {
            if (!"username-taken".equals(e.slug())) {
                throw e;
            }
            // Taken by this very key, if an earlier attempt went through but its answer was lost:
            // then signing in works; otherwise it throws and the name belongs to someone else
            try {
                connection.token();
            } catch (ServerProblemException notOurs) {
                throw e;
            }
        }
    }

    /**
     * Encrypts {@code text} for {@code recipient} and submits it. The first message to someone
     * fetches their bundle and starts a session; later ones continue it.
     *
     * @throws SecurityCheckException if the recipient's keys are below the server's policy or this
     *         user's minimum, their identity key changed, or a prekey is not signed by it
     * @throws ServerProblemException {@code unknown-user}, {@code blocked}, ...
     */
    public SentMessage send(String recipient, String text) throws NanoException {
        String peer = requireUsername(recipient);
        if (peer.equals(identity.username())) {
            throw new IllegalArgumentException("Sending to yourself is not supported");
        }
        ClientState current = ensureRegistered();
        // Read for every message: an operator may raise the policy at any time
        CryptoMode policy = ServerApi.mode(connection.api().get("/server", null).path("minimumMode"));

        Contacts.Bundle bundle = null;
        if (current.sessions.getOrDefault(peer, List.of()).isEmpty()) {
            bundle = contacts.fetchBundle(peer, policy);
        }
        Contacts.Bundle fetched = bundle;
        UUID id = UUID.randomUUID();
        long now = System.currentTimeMillis();
        // The chain advances and is stored before the envelope leaves: a message key is never reused
        Envelope envelope = states.update(state -> seal(state, peer, fetched, policy, id, now, text));

        byte[] signature = identity.sign(envelope.signingInput());
        JsonNode accepted = connection.authorized(token -> connection.api().post("/envelopes", token,
                envelopeBody(envelope, signature)));
        Instant acceptedAt = Instant.ofEpochMilli(accepted.path("acceptedAt").asLong());
        states.appendHistory(HistoryFile.Record.of(envelope.id(), HistoryEntry.Direction.SENT, peer, text,
                envelope.mode(), now));
        return new SentMessage(envelope.id(), peer, envelope.mode(), Instant.ofEpochMilli(now), acceptedAt);
    }

    /** Encrypts under the newest session with {@code peer}, or a new one from {@code bundle}. */
    private Envelope seal(ClientState state, String peer, Contacts.Bundle bundle, CryptoMode policy, UUID id,
            long now, String text) throws NanoException {
        List<SessionState> existing = state.sessions.getOrDefault(peer, List.of());
        try {
            Session session;
            if (!existing.isEmpty()) {
                session = new Session(existing.getFirst());
            } else if (bundle != null) {
                Contacts.checkPinned(state, peer, bundle.identityKey());
                Contacts.pin(state, peer, bundle.mode(), bundle.identityKey(), now);
                session = Handshake.initiate(bundle.mode(), new Handshake.Party(identity.username(),
                        identity.publicKey()), new Handshake.Party(peer, bundle.identityKey()), bundle.signed(),
                        bundle.second(), now);
            } else {
                throw new IllegalStateException("No session with " + peer + " and no bundle");
            }
            contacts.checkMode(peer, session.mode(), policy);

            EnvelopeContext context = new EnvelopeContext(id, identity.username(), peer, session.mode(), now);
            byte[] plaintext = ServerApi.object().put("type", "text").put("text", text).toString()
                    .getBytes(StandardCharsets.UTF_8);
            byte[] ciphertext = session.encrypt(plaintext, context);
            state.useSession(session.state());
            return new Envelope(id, identity.username(), peer, session.mode(), now, ciphertext);
        } catch (SessionException e) {
            throw new SecurityCheckException(SecurityCheckException.Check.UNUSABLE_KEYS,
                    "Cannot encrypt for " + peer + ": " + e.getMessage());
        }
    }

    /**
     * Fetches the waiting envelopes, verifies, decrypts and stores each, and acknowledges it;
     * then tops up the one-time prekeys if they run low. Envelopes that fail a check are discarded
     * (and acknowledged) and reported in {@link Inbox#rejections()}.
     */
    public Inbox fetch() throws NanoException {
        ensureRegistered();
        List<ReceivedMessage> messages = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try {
            JsonNode waiting;
            do {
                waiting = connection.authorized(token -> connection.api().get("/envelopes", token));
                for (JsonNode envelope : waiting) {
                    inbound.receive(envelope).addTo(messages, rejections);
                    connection.acknowledge(envelope.path("id").asText());
                }
            } while (waiting.size() == LISTING_LIMIT);
        } catch (ServerUnreachableException | ServerProblemException e) {
            if (messages.isEmpty() && rejections.isEmpty()) {
                throw e;
            }
            // What was opened is stored: hand it over; the rest, and any envelope not yet
            // acknowledged (which comes again as a duplicate), waits for the next fetch
            ClientLogger.LOG.fetchInterrupted(e.getMessage());
            return new Inbox(messages, rejections);
        }
        upkeep();
        return new Inbox(messages, rejections);
    }

    /** Tops up the prekeys after a fetch; a failure is logged, not thrown: the messages are already read. */
    private void upkeep() {
        try {
            prekeys.publish(false);
        } catch (NanoException e) {
            ClientLogger.LOG.prekeyUpkeepFailed(e.getMessage());
        }
    }

    /**
     * The waiting envelopes exactly as the server lists them (JSON objects of docs/protocol.md
     * §3.2), without processing or acknowledging them: for diagnostics and for tests.
     */
    public List<String> peek() throws NanoException {
        ensureRegistered();
        JsonNode waiting = connection.authorized(token -> connection.api().get("/envelopes", token));
        List<String> envelopes = new ArrayList<>();
        waiting.forEach(envelope -> envelopes.add(envelope.toString()));
        return envelopes;
    }

    /**
     * Processes one envelope obtained some other way (another transport, a test): verifies,
     * decrypts and stores it, without acknowledging it to the server. A replayed envelope, or one
     * whose key was already used, is refused.
     *
     * @param envelope an envelope object of docs/protocol.md §3.2
     * @return the outcome: {@link Inbox#messages()} holds the message, or
     *         {@link Inbox#rejections()} says why it was refused
     */
    public Inbox receive(String envelope) throws NanoException {
        JsonNode json = ServerApi.parseJson(envelope);
        if (json == null || !json.isObject()) {
            return new Inbox(List.of(), List.of(new Rejection(null, null, "not an envelope object")));
        }
        Inbound.Received outcome = inbound.receive(json);
        if (outcome.message() != null) {
            return new Inbox(List.of(outcome.message()), List.of());
        }
        return new Inbox(List.of(), List.of(outcome.rejection()));
    }

    /**
     * Listens on the WebSocket stream: every waiting and every new envelope is verified,
     * decrypted, stored, acknowledged and handed to {@code handler}. Reconnects by itself, signing
     * in again when the token expires, and tops up the prekeys from time to time.
     */
    public Subscription listen(MessageHandler handler) throws NanoException {
        ensureRegistered();
        prekeys.publish(false);
        Listener listener = Listener.start(connection, inbound, prekeys, handler);
        listeners.add(listener);
        return listener;
    }

    /** Everything received and sent, oldest first. */
    public List<HistoryEntry> history() throws NanoException {
        return states.readHistory().messages.stream().map(HistoryFile.Record::entry).toList();
    }

    /** The contacts, by username. */
    public List<Contact> contacts() throws NanoException {
        return states.read().contacts.values().stream().map(contact -> new Contact(contact.username,
                contact.mode == null ? null : CryptoMode.fromWireName(contact.mode),
                Instant.ofEpochMilli(contact.firstSeen), contact.verified, contact.blocked)).toList();
    }

    /** Blocks {@code username} on the server, and drops their messages here too. */
    public void block(String username) throws NanoException {
        String peer = requireUsername(username);
        connection.authorized(token -> connection.api().put("/blocks/" + ServerApi.segment(peer), token, null));
        setBlocked(peer, true);
    }

    /** Unblocks {@code username}; not being blocked is not an error. */
    public void unblock(String username) throws NanoException {
        String peer = requireUsername(username);
        try {
            connection.authorized(token -> connection.api().delete("/blocks/" + ServerApi.segment(peer), token));
        } catch (ServerProblemException e) {
            if (!"not-found".equals(e.slug())) {
                throw e;
            }
        }
        setBlocked(peer, false);
    }

    /**
     * The safety number of this user and {@code username}. If their identity key is not pinned
     * yet, it is fetched from the server and pinned.
     */
    public SafetyNumber safetyNumber(String username) throws NanoException {
        String peer = requireUsername(username);
        byte[] key = contacts.identityKey(peer, true);
        return new SafetyNumber(identity.username(), peer,
                SafetyNumbers.of(identity.username(), identity.publicKey(), peer, key));
    }

    /** Records that the user compared the safety number with {@code username} out of band. */
    public void markVerified(String username) throws NanoException {
        String peer = requireUsername(username);
        contacts.identityKey(peer, true);
        states.update(state -> {
            state.contacts.get(peer).verified = true;
            return null;
        });
    }

    /** The state of this client's prekeys, asking the server how many one-time prekeys it holds. */
    public KeyStatus keyStatus() throws NanoException {
        ensureRegistered();
        return prekeys.status();
    }

    /** Tops up the one-time prekeys on the server to {@value Prekeys#ONE_TIME_TARGET}; answers how many went up. */
    public int replenishPrekeys() throws NanoException {
        ensureRegistered();
        return prekeys.topUp();
    }

    /** Replaces the signed prekey now; the old one is kept a while for handshakes under way. */
    public void rotateSignedPrekey() throws NanoException {
        ensureRegistered();
        prekeys.replace(PrekeyKind.SIGNED);
    }

    /** Signs out (revokes the token) and forgets the keys held in memory. */
    @Override
    public void close() {
        listeners.forEach(Listener::close);
        connection.signOut();
        states.close();
    }

    private void setBlocked(String peer, boolean blocked) throws NanoException {
        states.update(state -> {
            Contacts.contact(state, peer, System.currentTimeMillis()).blocked = blocked;
            return null;
        });
    }

    /** The state, if this client is registered. */
    private ClientState ensureRegistered() throws NanoException {
        ClientState state = states.read();
        if (!state.registered) {
            throw new StateException(StateException.Reason.NOT_REGISTERED, identity.username()
                    + " is not registered yet: run 'nano register' first");
        }
        return state;
    }

    private static JsonNode envelopeBody(Envelope envelope, byte[] signature) {
        return ServerApi.object().put("id", envelope.id().toString()).put("sender", envelope.sender())
                .put("recipient", envelope.recipient()).put("mode", envelope.mode().wireName())
                .put("timestamp", envelope.timestampMillis())
                .put("ciphertext", Base64Url.encode(envelope.ciphertext()))
                .put("signature", Base64Url.encode(signature));
    }

    private static String requireUsername(String raw) {
        String normalised = Usernames.normalize(Objects.requireNonNull(raw, "username"));
        if (!Usernames.isValid(normalised)) {
            throw new IllegalArgumentException("Invalid username '" + raw + "': 3 to 32 of a-z 0-9 _ -");
        }
        return normalised;
    }

    private static URI checkServer(URI server) {
        Objects.requireNonNull(server, "server");
        if (!("http".equals(server.getScheme()) || "https".equals(server.getScheme())) || server.getHost() == null) {
            throw new IllegalArgumentException("The server URL must be http:// or https:// with a host, not "
                    + server);
        }
        return server;
    }
}
