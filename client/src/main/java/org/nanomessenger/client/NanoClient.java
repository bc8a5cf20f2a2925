// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nanomessenger.client.ClientState.ContactRecord;
import org.nanomessenger.client.ClientState.PrekeyRecord;
import org.nanomessenger.client.logging.ClientLogger;
import org.nanomessenger.client.session.EnvelopeContext;
import org.nanomessenger.client.session.Handshake;
import org.nanomessenger.client.session.SafetyNumbers;
import org.nanomessenger.client.session.Session;
import org.nanomessenger.client.session.SessionException;
import org.nanomessenger.client.session.SessionMessage;
import org.nanomessenger.client.session.SessionState;
import org.nanomessenger.client.store.Argon2Settings;
import org.nanomessenger.client.store.EncryptedStore;
import org.nanomessenger.client.store.WrongPassphraseException;
import org.nanomessenger.client.transport.ServerApi;
import org.nanomessenger.crypto.provider.NanoPQProvider;
import org.nanomessenger.protocol.AuthChallengeResponse;
import org.nanomessenger.protocol.Base64Url;
import org.nanomessenger.protocol.CryptoMode;
import org.nanomessenger.protocol.Envelope;
import org.nanomessenger.protocol.Prekey;
import org.nanomessenger.protocol.PrekeyKind;
import org.nanomessenger.protocol.ProtocolException;
import org.nanomessenger.protocol.Registration;
import org.nanomessenger.protocol.Signatures;
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
    /** Below this many one-time prekeys on the server, the client publishes more. */
    static final int ONE_TIME_LOW_WATER = 20;
    /** How many one-time prekeys the client keeps on the server. */
    static final int ONE_TIME_TARGET = 50;
    /** How long a signed prekey is used before it is replaced. */
    static final Duration SIGNED_PREKEY_LIFETIME = Duration.ofDays(7);
    /** How many replaced signed prekeys are kept for handshakes under way. */
    static final int PREVIOUS_SIGNED_PREKEYS = 2;
    private static final String DEVICE = "primary";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EncryptedStore store;
    private final ServerApi api;
    private final Identity identity;
    private volatile String token;

    /** The fixed facts of this client, read once when it is opened. */
    private record Identity(String username, String device, CryptoMode mode, CryptoMode minimumMode,
            PrivateKey privateKey, byte[] publicKey) {
    }

    private NanoClient(EncryptedStore store, ClientState state) throws StateException {
        this.store = store;
        this.api = new ServerApi(URI.create(state.server));
        this.identity = new Identity(state.username, state.device, CryptoMode.fromWireName(state.mode),
                CryptoMode.fromWireName(state.minimumMode), decodePrivate(state), state.identityPublic);
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
        String normalised = Usernames.normalize(Objects.requireNonNull(username, "username"));
        if (!Usernames.isValid(normalised)) {
            throw new IllegalArgumentException("Invalid username '" + username + "': 3 to 32 of a-z 0-9 _ -");
        }
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("The passphrase must not be empty");
        }
        if (!mode.isAtLeast(minimumMode)) {
            throw new IllegalArgumentException("The minimum mode " + minimumMode.wireName()
                    + " is stronger than the identity's mode " + mode.wireName());
        }

        KeyPair keys = generate(mode.signatureAlgorithm());
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
            return new NanoClient(store, load(store));
        } catch (NoSuchFileException e) {
            throw new StateException(StateException.Reason.MISSING, "No client in " + stateDirectory, e);
        } catch (IOException e) {
            throw new StateException(StateException.Reason.UNUSABLE, "Cannot read " + stateDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    public String username() {
        return identity.username();
    }

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

    public URI server() throws NanoException {
        return URI.create(read().server);
    }

    public boolean registered() throws NanoException {
        return read().registered;
    }

    /** SHA-256 of this user's identity key (SubjectPublicKeyInfo DER), in hex. */
    public String identityFingerprint() {
        return fingerprint(identity.publicKey());
    }

    /**
     * Points this client at another server. Only before registration: an account lives on one
     * server.
     *
     * @throws StateException {@code UNUSABLE} once registered
     */
    public void changeServer(URI server) throws NanoException {
        URI checked = checkServer(server);
        update(state -> {
            if (state.registered) {
                throw new StateException(StateException.Reason.UNUSABLE, state.username + " is registered at "
                        + state.server + "; initialise another state directory for another server");
            }
            state.server = checked.toString();
            return null;
        });
    }

    /** The server's policy and limits ({@code GET /server}). */
    public ServerInfo serverInfo() throws NanoException {
        ServerApi current = currentApi();
        JsonNode body = current.get("/server", null);
        List<CryptoMode> accepted = new ArrayList<>();
        body.path("acceptedModes").forEach(node -> accepted.add(CryptoMode.fromWireName(node.asText())));
        return new ServerInfo(current.base(), CryptoMode.fromWireName(body.path("minimumMode").asText()),
                List.copyOf(accepted), body.path("maxEnvelopeBytes").asInt(), body.path("clockSkewSeconds").asInt());
    }

    /**
     * Registers the username with this device's identity key, signs in, and publishes a signed, a
     * last-resort and {@value #ONE_TIME_TARGET} one-time prekeys.
     *
     * @throws ServerProblemException {@code username-taken}, {@code mode-below-policy}, ...
     */
    public void register() throws NanoException {
        if (!read().registered) {
            long now = System.currentTimeMillis();
            byte[] input = new Registration(identity.username(), identity.device(),
                    identity.mode().signatureAlgorithm(), identity.publicKey(), now).signingInput();
            api.post("/accounts", null, ServerApi.object().put("username", identity.username())
                    .put("device", identity.device()).put("identityKey", Base64Url.encode(identity.publicKey()))
                    .put("timestamp", now).put("signature", Base64Url.encode(sign(input))));
            update(state -> {
                state.registered = true;
                return null;
            });
        }
        publishPrekeys(true);
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
        ensureRegistered();
        CryptoMode policy = serverInfo().minimumMode();

        Bundle bundle = null;
        if (read().sessions.getOrDefault(peer, List.of()).isEmpty()) {
            bundle = fetchBundle(peer, policy);
        }
        Bundle fetched = bundle;
        UUID id = UUID.randomUUID();
        long now = System.currentTimeMillis();
        Envelope envelope = update(state -> seal(state, peer, fetched, policy, id, now, text));

        byte[] signature = sign(envelope.signingInput());
        JsonNode accepted = authorized(token -> api.post("/envelopes", token, envelopeBody(envelope, signature)));
        Instant acceptedAt = Instant.ofEpochMilli(accepted.path("acceptedAt").asLong());
        appendHistory(envelope.id(), HistoryEntry.Direction.SENT, peer, text, envelope.mode(), now);
        return new SentMessage(envelope.id(), peer, envelope.mode(), Instant.ofEpochMilli(now), acceptedAt);
    }

    /** Encrypts under the newest session with {@code peer}, or a new one from {@code bundle}. */
    private Envelope seal(ClientState state, String peer, Bundle bundle, CryptoMode policy, UUID id, long now,
            String text) throws NanoException {
        List<SessionState> existing = state.sessions.getOrDefault(peer, List.of());
        Session session;
        if (!existing.isEmpty()) {
            session = new Session(existing.getFirst());
        } else if (bundle != null) {
            pin(state, peer, bundle.mode(), bundle.identityKey(), now);
            session = startSession(bundle, now);
        } else {
            throw new IllegalStateException("No session with " + peer + " and no bundle");
        }
        checkMode(peer, session.mode(), policy);

        EnvelopeContext context = new EnvelopeContext(id, identity.username(), peer, session.mode(), now);
        byte[] plaintext = ServerApi.object().put("type", "text").put("text", text).toString()
                .getBytes(StandardCharsets.UTF_8);
        try {
            byte[] ciphertext = session.encrypt(plaintext, context);
            state.useSession(session.state());
            return new Envelope(id, identity.username(), peer, session.mode(), now, ciphertext);
        } catch (SessionException e) {
            throw new SecurityCheckException(SecurityCheckException.Check.BAD_PREKEY_SIGNATURE,
                    "Cannot encrypt for " + peer + ": " + e.getMessage());
        }
    }

    private Session startSession(Bundle bundle, long now) throws NanoException {
        try {
            return Handshake.initiate(bundle.mode(), new Handshake.Party(identity.username(), identity.publicKey()),
                    new Handshake.Party(bundle.username(), bundle.identityKey()), bundle.signed(), bundle.second(),
                    now);
        } catch (SessionException e) {
            throw new SecurityCheckException(SecurityCheckException.Check.BAD_PREKEY_SIGNATURE,
                    "Cannot start a session with " + bundle.username() + ": " + e.getMessage());
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
        while (true) {
            JsonNode waiting = authorized(token -> api.get("/envelopes", token));
            if (waiting == null || waiting.isEmpty()) {
                break;
            }
            for (JsonNode envelope : waiting) {
                Received outcome = receive(envelope);
                outcome.addTo(messages, rejections);
                String id = envelope.path("id").asText();
                authorizedVoid(token -> acknowledge(id, token));
            }
            if (waiting.size() < 100) {
                break;
            }
        }
        publishPrekeys(false);
        return new Inbox(messages, rejections);
    }

    /**
     * The waiting envelopes exactly as the server lists them (JSON objects of docs/protocol.md
     * §3.2), without processing or acknowledging them: for diagnostics and for tests.
     */
    public List<String> peek() throws NanoException {
        ensureRegistered();
        JsonNode waiting = authorized(token -> api.get("/envelopes", token));
        List<String> envelopes = new ArrayList<>();
        if (waiting != null) {
            waiting.forEach(envelope -> envelopes.add(envelope.toString()));
        }
        return envelopes;
    }

    private JsonNode acknowledge(String id, String token) throws NanoException {
        try {
            return api.delete("/envelopes/" + ServerApi.segment(id), token);
        } catch (ServerProblemException e) {
            if ("not-found".equals(e.slug())) {
                // Already acknowledged, by another process or an earlier attempt (§3.14)
                return null;
            }
            throw e;
        }
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
        List<ReceivedMessage> messages = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        JsonNode json = ServerApi.parseJson(envelope);
        if (json == null || !json.isObject()) {
            rejections.add(new Rejection(null, null, "not an envelope object"));
        } else {
            Received outcome = receive(json);
            if (outcome.duplicate()) {
                rejections.add(outcome.rejection());
            } else {
                outcome.addTo(messages, rejections);
            }
        }
        return new Inbox(messages, rejections);
    }

    /**
     * One envelope's outcome: a message or a rejection. A duplicate, an envelope already
     * processed, is normal with at-least-once delivery (docs/protocol.md §5.5) and not reported.
     */
    record Received(ReceivedMessage message, Rejection rejection, boolean duplicate) {

        void addTo(List<ReceivedMessage> messages, List<Rejection> rejections) {
            if (message != null) {
                messages.add(message);
            } else if (rejection != null && !duplicate) {
                rejections.add(rejection);
            }
        }
    }

    /**
     * Verifies, decrypts and stores one delivered envelope. Permanent failures become a
     * rejection (the envelope is to be acknowledged and dropped); failures to reach the server
     * while looking up the sender's key are thrown, so that the envelope stays for a retry.
     */
    Received receive(JsonNode json) throws NanoException {
        Envelope envelope;
        byte[] signature;
        try {
            envelope = new Envelope(UUID.fromString(json.path("id").asText()), json.path("sender").asText(),
                    json.path("recipient").asText(), CryptoMode.fromWireName(json.path("mode").asText()),
                    json.path("timestamp").asLong(), Base64Url.decode(json.path("ciphertext").asText()));
            signature = Base64Url.decode(json.path("signature").asText());
        } catch (IllegalArgumentException | ProtocolException e) {
            return rejected(null, json.path("sender").asText(null), "malformed envelope: " + e.getMessage());
        }
        String sender = envelope.sender();
        byte[] senderKey;
        try {
            senderKey = senderIdentity(sender);
        } catch (ServerProblemException e) {
            return discard(envelope, "the sender is unknown to the server (" + e.getMessage() + ")");
        } catch (SecurityCheckException e) {
            return discard(envelope, e.getMessage());
        }
        Instant acceptedAt = json.hasNonNull("acceptedAt") ? Instant.ofEpochMilli(json.get("acceptedAt").asLong())
                : null;
        return update(state -> open(state, envelope, signature, senderKey, acceptedAt));
    }

    /**
     * Opens one envelope under the lock. An envelope already processed is a duplicate whatever
     * happens, but it still goes through decryption, so that a replay is refused twice over: by
     * its id, and because its message key is gone.
     */
    private Received open(ClientState state, Envelope envelope, byte[] signature, byte[] senderKey,
            Instant acceptedAt) throws NanoException {
        String sender = envelope.sender();
        boolean seen = !state.seenEnvelopes.add(envelope.id().toString());
        state.rememberEnvelope(envelope.id().toString());
        String problem = check(state, envelope, signature, senderKey);
        if (problem != null) {
            return seen ? duplicate(envelope, problem) : rejected(envelope.id(), sender, problem);
        }

        byte[] plaintext;
        try {
            plaintext = decrypt(state, envelope, senderKey, !seen);
        } catch (SessionException e) {
            return seen ? duplicate(envelope, e.getMessage()) : rejected(envelope.id(), sender, e.getMessage());
        }
        if (seen) {
            Arrays.fill(plaintext, (byte) 0);
            return duplicate(envelope, "it still decrypts: a message key was kept");
        }

        String text;
        try {
            JsonNode content = ServerApi.parseJson(new String(plaintext, StandardCharsets.UTF_8));
            if (content == null || !"text".equals(content.path("type").asText()) || !content.has("text")) {
                return rejected(envelope.id(), sender, "unsupported content");
            }
            text = content.get("text").asText();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        appendHistoryLocked(envelope.id(), HistoryEntry.Direction.RECEIVED, sender, text, envelope.mode(),
                envelope.timestampMillis());
        return new Received(new ReceivedMessage(envelope.id(), sender, text, envelope.mode(),
                Instant.ofEpochMilli(envelope.timestampMillis()), acceptedAt), null, false);
    }

    /** Decrypts in the envelope's session, or a new one it starts; commits the session if asked. */
    private byte[] decrypt(ClientState state, Envelope envelope, byte[] senderKey, boolean commit)
            throws SessionException {
        SessionMessage message = SessionMessage.parse(envelope.ciphertext());
        EnvelopeContext context = new EnvelopeContext(envelope.id(), envelope.sender(), envelope.recipient(),
                envelope.mode(), envelope.timestampMillis());
        Session session = findOrAccept(state, message, envelope.mode(), envelope.sender(), senderKey);
        if (!session.mode().equals(envelope.mode())) {
            throw new SessionException("The envelope's mode differs from its session's");
        }

        byte[] plaintext = session.decrypt(message, context);
        if (commit) {
            pin(state, envelope.sender(), null, senderKey, envelope.timestampMillis());
            state.useSession(session.state());
            if (message.handshake() != null && message.handshake().secondPrekeyKind() == PrekeyKind.ONE_TIME) {
                // Forward secrecy: the one-time prekey's secret can never be derived again
                state.oneTimePrekeys.remove(message.handshake().secondPrekeyId());
            }
        }
        return plaintext;
    }

    /** The checks before decryption; answers why the envelope is refused, or null. */
    private String check(ClientState state, Envelope envelope, byte[] signature, byte[] senderKey)
            throws NanoException {
        if (!identity.username().equals(envelope.recipient())) {
            return "addressed to " + envelope.recipient();
        }
        ContactRecord contact = state.contacts.get(envelope.sender());
        if (contact != null && contact.blocked) {
            return envelope.sender() + " is blocked";
        }
        if (!envelope.mode().isAtLeast(identity.minimumMode())) {
            return "mode " + envelope.mode().wireName() + " is below your minimum "
                    + identity.minimumMode().wireName();
        }
        try {
            if (!Signatures.verify(Signatures.decodePublicKey(senderKey), envelope.signingInput(), signature)) {
                return "the signature is not " + envelope.sender() + "'s";
            }
        } catch (ProtocolException e) {
            return "the sender's identity key is unusable: " + e.getMessage();
        }
        return null;
    }

    private Session findOrAccept(ClientState state, SessionMessage message, CryptoMode mode, String sender,
            byte[] senderKey) throws SessionException {
        for (SessionState existing : state.sessions.getOrDefault(sender, List.of())) {
            if (Arrays.equals(existing.sessionId(), message.sessionId())) {
                return new Session(existing.copy());
            }
        }
        if (mode != identity.mode()) {
            throw new SessionException("A new session must use this user's mode " + identity.mode().wireName());
        }
        return Handshake.respond(mode, new Handshake.Party(identity.username(), identity.publicKey()),
                new Handshake.Party(sender, senderKey), message, (kind, keyId) -> heldPrekey(state, kind, keyId),
                System.currentTimeMillis());
    }

    private static Handshake.HeldPrekey heldPrekey(ClientState state, PrekeyKind kind, long keyId) {
        List<PrekeyRecord> candidates = switch (kind) {
            case SIGNED -> {
                List<PrekeyRecord> signed = new ArrayList<>(state.previousSignedPrekeys);
                signed.add(state.signedPrekey);
                yield signed;
            }
            case LAST_RESORT -> List.of(state.lastResortPrekey);
            case ONE_TIME -> state.oneTimePrekeys.containsKey(keyId)
                    ? List.of(state.oneTimePrekeys.get(keyId)) : List.of();
        };
        return candidates.stream().filter(record -> record != null && record.keyId == keyId).findFirst()
                .map(record -> new Handshake.HeldPrekey(new Handshake.PublicPrekey(kind, keyId, record.publicKey),
                        record.privateKey))
                .orElse(null);
    }

    private Received discard(Envelope envelope, String reason) throws NanoException {
        return update(state -> {
            state.rememberEnvelope(envelope.id().toString());
            return rejected(envelope.id(), envelope.sender(), reason);
        });
    }

    private static Received rejected(UUID id, String sender, String reason) {
        ClientLogger.LOG.envelopeRejected(String.valueOf(id), String.valueOf(sender), reason);
        return new Received(null, new Rejection(id, sender, reason), false);
    }

    private static Received duplicate(Envelope envelope, String detail) {
        return new Received(null, new Rejection(envelope.id(), envelope.sender(), "replayed: envelope "
                + envelope.id() + " was already received (" + detail + ")"), true);
    }

    /**
     * Listens on the WebSocket stream: every waiting and every new envelope is verified,
     * decrypted, stored, acknowledged and handed to {@code handler}. Reconnects by itself, signing
     * in again when the token expires.
     */
    public Subscription listen(MessageHandler handler) throws NanoException {
        ensureRegistered();
        publishPrekeys(false);
        return Listener.start(this, api, handler);
    }

    /** The bearer token, signing in when there is none. */
    String token() throws NanoException {
        String current = token;
        if (current == null) {
            current = login();
        }
        return current;
    }

    /** Forgets a token the server refused, so that the next call signs in again. */
    void tokenRefused(String refused) {
        if (Objects.equals(token, refused)) {
            token = null;
        }
    }

    /** Processes an envelope from the stream; used by the {@link Listener}. */
    Received process(JsonNode envelope) throws NanoException {
        return receive(envelope);
    }

    void maintainPrekeys() throws NanoException {
        publishPrekeys(false);
    }

    /** Everything received and sent, oldest first. */
    public List<HistoryEntry> history() throws NanoException {
        HistoryFile history = readHistory();
        return history.messages.stream().map(record -> new HistoryEntry(UUID.fromString(record.id),
                HistoryEntry.Direction.valueOf(record.direction), record.peer, record.text,
                CryptoMode.fromWireName(record.mode), Instant.ofEpochMilli(record.at))).toList();
    }

    /** The contacts, by username. */
    public List<Contact> contacts() throws NanoException {
        return read().contacts.values().stream().map(contact -> new Contact(contact.username,
                contact.mode == null ? null : CryptoMode.fromWireName(contact.mode),
                Instant.ofEpochMilli(contact.firstSeen), contact.verified, contact.blocked)).toList();
    }

    /** Blocks {@code username} on the server, and drops their messages here too. */
    public void block(String username) throws NanoException {
        String peer = requireUsername(username);
        authorized(token -> api.put("/blocks/" + ServerApi.segment(peer), token, null));
        setBlocked(peer, true);
    }

    /** Unblocks {@code username}; not being blocked is not an error. */
    public void unblock(String username) throws NanoException {
        String peer = requireUsername(username);
        try {
            authorized(token -> api.delete("/blocks/" + ServerApi.segment(peer), token));
        } catch (ServerProblemException e) {
            if (!"not-found".equals(e.slug())) {
                throw e;
            }
        }
        setBlocked(peer, false);
    }

    private void setBlocked(String peer, boolean blocked) throws NanoException {
        update(state -> {
            ContactRecord contact = state.contacts.computeIfAbsent(peer, name -> {
                ContactRecord created = new ContactRecord();
                created.username = name;
                created.firstSeen = System.currentTimeMillis();
                return created;
            });
            contact.blocked = blocked;
            return null;
        });
    }

    /**
     * The safety number of this user and {@code username}. If their identity key is not pinned
     * yet, it is fetched from the server and pinned.
     */
    public SafetyNumber safetyNumber(String username) throws NanoException {
        String peer = requireUsername(username);
        byte[] key = senderIdentity(peer);
        return new SafetyNumber(identity.username(), peer,
                SafetyNumbers.of(identity.username(), identity.publicKey(), peer, key));
    }

    /** Records that the user compared the safety number with {@code username} out of band. */
    public void markVerified(String username) throws NanoException {
        String peer = requireUsername(username);
        senderIdentity(peer);
        update(state -> {
            state.contacts.get(peer).verified = true;
            return null;
        });
    }

    /** The state of this client's prekeys, asking the server how many one-time prekeys it holds. */
    public KeyStatus keyStatus() throws NanoException {
        ensureRegistered();
        int onServer = authorized(token -> api.get("/keys/one-time/count", token)).path("count").asInt();
        ClientState state = read();
        return new KeyStatus(onServer, state.oneTimePrekeys.size(), state.signedPrekey.keyId,
                Instant.ofEpochMilli(state.signedPrekey.createdAt), state.lastResortPrekey.keyId);
    }

    /** Tops up the one-time prekeys on the server to {@value #ONE_TIME_TARGET}; answers how many went up. */
    public int replenishPrekeys() throws NanoException {
        ensureRegistered();
        return uploadOneTime(ONE_TIME_TARGET);
    }

    /** Replaces the signed prekey now; the old one is kept a while for handshakes under way. */
    public void rotateSignedPrekey() throws NanoException {
        ensureRegistered();
        publishSigned(PrekeyKind.SIGNED);
    }

    /** Signs out (revokes the token) and forgets the keys held in memory. */
    @Override
    public void close() {
        String current = token;
        token = null;
        if (current != null) {
            try {
                api.delete("/auth/token", current);
            } catch (NanoException e) {
                // The token expires by itself
            }
        }
        store.close();
    }

    // ---- prekeys ----

    private void publishPrekeys(boolean all) throws NanoException {
        ClientState state = read();
        if (all || state.signedPrekey == null
                || Instant.ofEpochMilli(state.signedPrekey.createdAt).plus(SIGNED_PREKEY_LIFETIME)
                        .isBefore(Instant.now())) {
            publishSigned(PrekeyKind.SIGNED);
        }
        if (all || state.lastResortPrekey == null) {
            publishSigned(PrekeyKind.LAST_RESORT);
        }
        int onServer = authorized(token -> api.get("/keys/one-time/count", token)).path("count").asInt();
        if (onServer < ONE_TIME_LOW_WATER) {
            uploadOneTime(ONE_TIME_TARGET);
        }
    }

    /** Makes and publishes a new signed or last-resort prekey; the private key is stored first. */
    private void publishSigned(PrekeyKind kind) throws NanoException {
        PrekeyRecord record = update(state -> {
            PrekeyRecord created = newPrekey(state, kind);
            if (kind == PrekeyKind.SIGNED) {
                if (state.signedPrekey != null) {
                    state.previousSignedPrekeys.addFirst(state.signedPrekey);
                }
                while (state.previousSignedPrekeys.size() > PREVIOUS_SIGNED_PREKEYS) {
                    state.previousSignedPrekeys.removeLast();
                }
                state.signedPrekey = created;
            } else {
                state.lastResortPrekey = created;
            }
            return created;
        });
        String path = kind == PrekeyKind.SIGNED ? "/keys/signed" : "/keys/last-resort";
        authorized(token -> api.put(path, token, prekeyBody(record)));
    }

    private int uploadOneTime(int target) throws NanoException {
        int onServer = authorized(token -> api.get("/keys/one-time/count", token)).path("count").asInt();
        int wanted = Math.min(100, target - onServer);
        if (wanted <= 0) {
            return 0;
        }
        List<PrekeyRecord> batch = update(state -> {
            List<PrekeyRecord> created = new ArrayList<>();
            for (int i = 0; i < wanted; i++) {
                PrekeyRecord record = newPrekey(state, PrekeyKind.ONE_TIME);
                state.oneTimePrekeys.put(record.keyId, record);
                created.add(record);
            }
            return created;
        });
        ArrayNode prekeys = ServerApi.object().arrayNode();
        for (PrekeyRecord record : batch) {
            prekeys.add(prekeyBody(record));
        }
        ObjectNode body = ServerApi.object();
        body.set("prekeys", prekeys);
        authorized(token -> api.post("/keys/one-time", token, body));
        return wanted;
    }

    private PrekeyRecord newPrekey(ClientState state, PrekeyKind kind) {
        KeyPair pair = generate(identity.mode().kemAlgorithm());
        PrekeyRecord record = new PrekeyRecord();
        record.kind = kind.wireName();
        record.keyId = state.takeKeyId();
        record.publicKey = pair.getPublic().getEncoded();
        record.privateKey = pair.getPrivate().getEncoded();
        record.createdAt = System.currentTimeMillis();
        return record;
    }

    private ObjectNode prekeyBody(PrekeyRecord record) throws NanoException {
        PrekeyKind kind = PrekeyKind.fromWireName(record.kind);
        String algorithm = identity.mode().kemAlgorithm();
        byte[] input = new Prekey(identity.username(), kind, record.keyId, algorithm, record.publicKey)
                .signingInput();
        return ServerApi.object().put("keyId", record.keyId).put("algorithm", algorithm)
                .put("publicKey", Base64Url.encode(record.publicKey)).put("signature", Base64Url.encode(sign(input)));
    }

    // ---- contacts and bundles ----

    /** A verified bundle: every prekey's signature checked with the pinned identity key. */
    private record Bundle(String username, CryptoMode mode, byte[] identityKey, Handshake.PublicPrekey signed,
            Handshake.PublicPrekey second) {
    }

    private Bundle fetchBundle(String peer, CryptoMode policy) throws NanoException {
        JsonNode body = authorized(token -> api.get("/users/" + ServerApi.segment(peer) + "/bundle", token));
        CryptoMode mode = CryptoMode.fromWireName(body.path("mode").asText());
        checkMode(peer, mode, policy);
        byte[] identityKey = decode(body.path("identityKey").asText());
        checkPinned(read(), peer, identityKey);

        Handshake.PublicPrekey signed = verifiedPrekey(peer, mode, identityKey, PrekeyKind.SIGNED,
                body.path("signedPrekey"));
        Handshake.PublicPrekey second = body.hasNonNull("oneTimePrekey")
                ? verifiedPrekey(peer, mode, identityKey, PrekeyKind.ONE_TIME, body.path("oneTimePrekey"))
                : verifiedPrekey(peer, mode, identityKey, PrekeyKind.LAST_RESORT, body.path("lastResortPrekey"));
        return new Bundle(peer, mode, identityKey, signed, second);
    }

    private static Handshake.PublicPrekey verifiedPrekey(String owner, CryptoMode mode, byte[] identityKey,
            PrekeyKind kind, JsonNode json) throws NanoException {
        long keyId = json.path("keyId").asLong();
        String algorithm = json.path("algorithm").asText();
        byte[] publicKey = decode(json.path("publicKey").asText());
        byte[] signature = decode(json.path("signature").asText());
        try {
            byte[] input = new Prekey(owner, kind, keyId, algorithm, publicKey).signingInput();
            if (!algorithm.equals(mode.kemAlgorithm())
                    || !Signatures.verify(Signatures.decodePublicKey(identityKey), input, signature)) {
                throw new SecurityCheckException(SecurityCheckException.Check.BAD_PREKEY_SIGNATURE, "The "
                        + kind.wireName() + " prekey the server gave for " + owner + " is not signed by their "
                        + "identity key");
            }
        } catch (ProtocolException e) {
            throw new SecurityCheckException(SecurityCheckException.Check.BAD_PREKEY_SIGNATURE, "Unusable keys for "
                    + owner + ": " + e.getMessage());
        }
        return new Handshake.PublicPrekey(kind, keyId, publicKey);
    }

    /** The pinned identity key of {@code peer}, fetching and pinning it at first contact (TOFU). */
    private byte[] senderIdentity(String peer) throws NanoException {
        ContactRecord known = read().contacts.get(peer);
        if (known != null && known.identityKey != null) {
            return known.identityKey;
        }
        JsonNode body = authorized(token -> api.get("/users/" + ServerApi.segment(peer) + "/identity", token));
        byte[] key = decode(body.path("identityKey").asText());
        CryptoMode mode = CryptoMode.fromWireName(body.path("mode").asText());
        return update(state -> {
            checkPinned(state, peer, key);
            pin(state, peer, mode, key, System.currentTimeMillis());
            return state.contacts.get(peer).identityKey;
        });
    }

    private static void checkPinned(ClientState state, String peer, byte[] identityKey)
            throws SecurityCheckException {
        ContactRecord known = state.contacts.get(peer);
        if (known != null && known.identityKey != null && !MessageDigest.isEqual(known.identityKey, identityKey)) {
            throw new SecurityCheckException(SecurityCheckException.Check.IDENTITY_CHANGED, "The server now gives "
                    + "another identity key for " + peer + " than the one pinned at first contact; nothing was "
                    + "sent. Check with " + peer + " out of band");
        }
    }

    private static void pin(ClientState state, String peer, CryptoMode mode, byte[] identityKey, long now) {
        ContactRecord contact = state.contacts.computeIfAbsent(peer, name -> {
            ContactRecord created = new ContactRecord();
            created.username = name;
            created.firstSeen = now;
            return created;
        });
        if (contact.identityKey == null) {
            contact.identityKey = identityKey;
            contact.firstSeen = now;
        }
        if (mode != null) {
            contact.mode = mode.wireName();
        } else if (contact.mode == null) {
            contact.mode = identityMode(identityKey);
        }
    }

    private static String identityMode(byte[] identityKey) {
        try {
            return CryptoMode.forSignatureAlgorithm(Signatures.decodePublicKey(identityKey).getAlgorithm())
                    .map(CryptoMode::wireName).orElse(null);
        } catch (ProtocolException e) {
            return null;
        }
    }

    /** Refuses a conversation mode below the server's policy or this user's minimum. */
    private void checkMode(String peer, CryptoMode mode, CryptoMode policy) throws SecurityCheckException {
        if (!mode.isAtLeast(policy) || !mode.isAtLeast(identity.minimumMode())) {
            CryptoMode floor = policy.isAtLeast(identity.minimumMode()) ? policy : identity.minimumMode();
            throw new SecurityCheckException(SecurityCheckException.Check.MODE_BELOW_MINIMUM, peer + "'s keys are "
                    + mode.wireName() + ", below the required " + floor.wireName() + " (server policy "
                    + policy.wireName() + ", your minimum " + identity.minimumMode().wireName()
                    + "); nothing was sent");
        }
    }

    // ---- authentication ----

    private String login() throws NanoException {
        JsonNode challenge = api.post("/auth/challenge", null, ServerApi.object().put("username", identity.username()));
        byte[] nonce = decode(challenge.path("nonce").asText());
        byte[] input = new AuthChallengeResponse(identity.username(), identity.device(), nonce,
                challenge.path("issuedAt").asLong()).signingInput();
        JsonNode answer = api.post("/auth/token", null, ServerApi.object().put("username", identity.username())
                .put("device", identity.device()).put("nonce", Base64Url.encode(nonce))
                .put("signature", Base64Url.encode(sign(input))));
        token = answer.path("token").asText();
        return token;
    }

    /** A call with a bearer token; signs in again once if the server no longer knows the token. */
    @FunctionalInterface
    interface Call {
        JsonNode with(String token) throws NanoException;
    }

    JsonNode authorized(Call call) throws NanoException {
        String current = token();
        try {
            return call.with(current);
        } catch (ServerProblemException e) {
            if (!"unauthenticated".equals(e.slug())) {
                throw e;
            }
            tokenRefused(current);
            return call.with(token());
        }
    }

    private void authorizedVoid(Call call) throws NanoException {
        authorized(call);
    }

    private void ensureRegistered() throws NanoException {
        if (!read().registered) {
            throw new StateException(StateException.Reason.NOT_REGISTERED, identity.username()
                    + " is not registered yet: run 'nano register' first");
        }
    }

    // ---- state ----

    /** A change to the state, made under the directory's lock and written atomically. */
    @FunctionalInterface
    private interface Change<T> {
        T apply(ClientState state) throws NanoException;
    }

    private <T> T update(Change<T> change) throws NanoException {
        try (EncryptedStore.Lock lock = store.lock()) {
            ClientState state = load(store);
            T result = change.apply(state);
            store.write(ClientState.FILE, ClientState.JSON.writeValueAsBytes(state));
            return result;
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    private ClientState read() throws NanoException {
        try (EncryptedStore.Lock lock = store.lock()) {
            return load(store);
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    private static ClientState load(EncryptedStore store) throws StateException, IOException {
        try {
            byte[] content = store.read(ClientState.FILE);
            if (content == null) {
                throw new StateException(StateException.Reason.MISSING, "No client state in " + store.directory());
            }
            ClientState state = ClientState.JSON.readValue(content, ClientState.class);
            if (state.version != ClientState.VERSION) {
                throw new StateException(StateException.Reason.UNUSABLE, "The state in " + store.directory()
                        + " is of version " + state.version + "; this client reads version " + ClientState.VERSION);
            }
            return state;
        } catch (WrongPassphraseException e) {
            throw new StateException(StateException.Reason.WRONG_PASSPHRASE, e.getMessage(), e);
        }
    }

    private HistoryFile readHistory() throws NanoException {
        try (EncryptedStore.Lock lock = store.lock()) {
            byte[] content = store.read(HistoryFile.FILE);
            return content == null ? new HistoryFile() : ClientState.JSON.readValue(content, HistoryFile.class);
        } catch (WrongPassphraseException e) {
            throw new StateException(StateException.Reason.WRONG_PASSPHRASE, e.getMessage(), e);
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    private void appendHistory(UUID id, HistoryEntry.Direction direction, String peer, String text, CryptoMode mode,
            long at) throws NanoException {
        update(state -> {
            appendHistoryLocked(id, direction, peer, text, mode, at);
            return null;
        });
    }

    /** Adds to the history; the caller holds the lock. Written before the state, so nothing read is lost. */
    private void appendHistoryLocked(UUID id, HistoryEntry.Direction direction, String peer, String text,
            CryptoMode mode, long at) throws NanoException {
        try {
            byte[] content = store.read(HistoryFile.FILE);
            HistoryFile history = content == null ? new HistoryFile()
                    : ClientState.JSON.readValue(content, HistoryFile.class);
            HistoryFile.Record record = new HistoryFile.Record();
            record.id = id.toString();
            record.direction = direction.name();
            record.peer = peer;
            record.text = text;
            record.mode = mode.wireName();
            record.at = at;
            if (history.add(record)) {
                store.write(HistoryFile.FILE, ClientState.JSON.writeValueAsBytes(history));
            }
        } catch (WrongPassphraseException e) {
            throw new StateException(StateException.Reason.WRONG_PASSPHRASE, e.getMessage(), e);
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    private StateException unusable(IOException e) {
        return new StateException(StateException.Reason.UNUSABLE, "Cannot use the state in " + store.directory()
                + ": " + e.getMessage(), e);
    }

    private ServerApi currentApi() throws NanoException {
        URI configured = URI.create(read().server);
        return configured.equals(api.base()) ? api : new ServerApi(configured);
    }

    // ---- helpers ----

    private byte[] sign(byte[] input) throws NanoException {
        try {
            return Signatures.sign(identity.privateKey(), input);
        } catch (ProtocolException e) {
            throw new StateException(StateException.Reason.UNUSABLE, "The identity key cannot sign: "
                    + e.getMessage(), e);
        }
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

    private static byte[] decode(String base64Url) throws ServerProblemException {
        try {
            return Base64Url.decode(base64Url);
        } catch (ProtocolException e) {
            throw new ServerProblemException(URI.create("about:blank"), 502, "Bad answer",
                    "The server's answer holds bad base64url: " + e.getMessage());
        }
    }

    static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (GeneralSecurityException e) {
            throw new ProviderException(e);
        }
    }

    private static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm, new NanoPQProvider()).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new ProviderException("NanoPQ cannot generate a " + algorithm + " key", e);
        }
    }

    private static PrivateKey decodePrivate(ClientState state) throws StateException {
        try {
            String algorithm = CryptoMode.fromWireName(state.mode).signatureAlgorithm();
            return KeyFactory.getInstance(algorithm, new NanoPQProvider())
                    .generatePrivate(new PKCS8EncodedKeySpec(state.identityPrivate));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StateException(StateException.Reason.UNUSABLE, "The stored identity key is unusable", e);
        }
    }
}
