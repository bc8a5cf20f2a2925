// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.key;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Set;

import org.nanomessenger.crypto.provider.internal.Bytes;
import org.nanomessenger.crypto.provider.internal.Der;
import org.nanomessenger.crypto.provider.internal.JdkMlDsa;
import org.nanomessenger.crypto.provider.internal.JdkMlKem;
import org.nanomessenger.crypto.provider.internal.bc.Curve25519;
import org.nanomessenger.crypto.provider.internal.bc.Shake;
import org.nanomessenger.crypto.provider.internal.bc.SlhDsa;

/**
 * Builds, checks and generates NanoPQ keys, one rule set per key family. Every way a key enters
 * NanoPQ (generation, a key spec, a foreign provider's key) passes through here.
 */
public final class Keys {

    private static final int ML_KEM_Q = 3329;
    private static final int XWING_ML_KEM_PUBLIC = 1184;

    private Keys() {
    }

    /** A public key from its raw encoding, after the checks its standard asks for. */
    public static NanoPublicKey publicKey(KeyType type, byte[] raw) throws InvalidKeySpecException {
        if (raw.length != type.publicLength()) {
            throw new InvalidKeySpecException(type.algorithm() + " public key must be " + type.publicLength()
                    + " bytes, got " + raw.length);
        }
        switch (type.family()) {
            case ML_KEM -> checkMlKemModulus(type, raw, raw.length);
            case X_WING -> checkMlKemModulus(type, raw, XWING_ML_KEM_PUBLIC);
            case ED25519 -> checkEd25519Point(type, raw, 0);
            case COMPOSITE -> checkEd25519Point(type, raw, KeyType.ML_DSA_65.publicLength());
            case X25519, ML_DSA, SLH_DSA -> {
                // Every byte string of the right length is a valid encoding (RFC 7748 §5, FIPS 204 pkDecode).
            }
        }
        return new NanoPublicKey(type, raw);
    }

    /**
     * A private key from its raw encoding. ML-KEM and ML-DSA take the seed or the expanded key;
     * every other type takes exactly its raw private key.
     */
    public static NanoPrivateKey privateKey(KeyType type, byte[] raw) throws InvalidKeySpecException {
        if (type.seedLength() > 0 && raw.length == type.seedLength()) {
            return fromSeed(type, raw);
        }
        if (raw.length != type.privateLength()) {
            String seed = type.seedLength() > 0 ? type.seedLength() + " (seed) or " : "";
            throw new InvalidKeySpecException(type.algorithm() + " private key must be " + seed
                    + type.privateLength() + " bytes, got " + raw.length);
        }
        if (type.family() == KeyType.Family.ML_DSA) {
            checkMlDsaSecretRange(type, raw);
        }
        byte[] secret = raw.clone();
        return switch (type.family()) {
            case ML_KEM -> new NanoPrivateKey(type, secret, null,
                    new NanoPublicKey(type, mlKemPublicOf(type, secret)));
            case ML_DSA -> new NanoPrivateKey(type, secret, null, null);
            case X25519 -> new NanoPrivateKey(type, secret, null,
                    new NanoPublicKey(type, Curve25519.x25519PublicKey(secret)));
            case ED25519 -> new NanoPrivateKey(type, secret, null,
                    new NanoPublicKey(type, Curve25519.ed25519PublicKey(secret)));
            case X_WING -> new NanoPrivateKey(type, secret, null, new NanoPublicKey(type, xWingPublicOf(secret)));
            case COMPOSITE -> new NanoPrivateKey(type, secret, null,
                    new NanoPublicKey(type, compositePublicOf(secret)));
            case SLH_DSA -> new NanoPrivateKey(type, secret, null,
                    new NanoPublicKey(type, SlhDsa.publicKeyOf(slhDsaSet(type), secret)));
        };
    }

    /**
     * A private key from the contents of a PKCS#8 privateKey OCTET STRING: the seed / expandedKey /
     * both CHOICE for ML-KEM and ML-DSA, an inner OCTET STRING for RFC 8410 keys, raw bytes otherwise.
     */
    public static NanoPrivateKey fromPrivateKeyContent(KeyType type, byte[] content) throws InvalidKeySpecException {
        try {
            return switch (type.family()) {
                case ML_KEM, ML_DSA -> fromSeedOrExpanded(type, content);
                case X25519, ED25519 -> {
                    Der.Reader reader = new Der.Reader(content);
                    byte[] raw = reader.read(Der.OCTET_STRING);
                    reader.expectEnd();
                    yield privateKeyAndZero(type, raw);
                }
                case X_WING, COMPOSITE, SLH_DSA -> privateKey(type, content);
            };
        } catch (Der.DerException e) {
            throw new InvalidKeySpecException("Malformed " + type.algorithm() + " private key: " + e.getMessage(), e);
        }
    }

    /** Generates a fresh key pair of {@code type} from {@code random}. */
    public static NanoPrivateKey generate(KeyType type, SecureRandom random) {
        try {
            if (type.family() == KeyType.Family.SLH_DSA) {
                SlhDsa.RawKeyPair pair = SlhDsa.generate(slhDsaSet(type), random);
                return privateKeyAndZero(type, pair.privateKey());
            }
            byte[] secret = new byte[type.seedLength() > 0 ? type.seedLength() : type.privateLength()];
            random.nextBytes(secret);
            return privateKeyAndZero(type, secret);
        } catch (InvalidKeySpecException e) {
            throw new ProviderException("A freshly generated " + type.algorithm() + " key was refused", e);
        }
    }

    /**
     * Accepts a NanoPQ public key of one of {@code accepted}, or another provider's key whose X.509
     * encoding is one; anything else is an {@link InvalidKeyException} naming what was expected.
     */
    public static NanoPublicKey toNanoPublic(Key key, Set<KeyType> accepted) throws InvalidKeyException {
        if (key instanceof NanoPublicKey nano) {
            return requireType(nano.type(), nano, accepted);
        }
        if (!(key instanceof PublicKey) || !"X.509".equals(key.getFormat()) || key.getEncoded() == null) {
            throw new InvalidKeyException("Expected a " + names(accepted) + " public key, got " + describe(key));
        }
        byte[] encoded = key.getEncoded();
        requireType(foreignType(encoded, false, key, accepted, "public"), key, accepted);
        try {
            Der.PublicKeyInfo info = Der.decodeSubjectPublicKeyInfo(encoded);
            KeyType type = KeyType.forOid(info.oid()).orElseThrow();
            return publicKey(type, info.key());
        } catch (Der.DerException | InvalidKeySpecException e) {
            throw new InvalidKeyException("Cannot read " + describe(key) + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #toNanoPublic} for private keys, through their PKCS#8 encoding. */
    public static NanoPrivateKey toNanoPrivate(Key key, Set<KeyType> accepted) throws InvalidKeyException {
        if (key instanceof NanoPrivateKey nano) {
            if (nano.isDestroyed()) {
                throw new InvalidKeyException("The " + nano.getAlgorithm() + " private key has been destroyed");
            }
            return requireType(nano.type(), nano, accepted);
        }
        if (!(key instanceof PrivateKey) || !"PKCS#8".equals(key.getFormat()) || key.getEncoded() == null) {
            throw new InvalidKeyException("Expected a " + names(accepted) + " private key, got " + describe(key));
        }
        byte[] encoded = key.getEncoded();
        try {
            requireType(foreignType(encoded, true, key, accepted, "private"), key, accepted);
            Der.PrivateKeyInfo info = Der.decodePrivateKeyInfo(encoded);
            KeyType type = KeyType.forOid(info.oid()).orElseThrow();
            return fromPrivateKeyContent(type, info.key());
        } catch (Der.DerException | InvalidKeySpecException e) {
            throw new InvalidKeyException("Cannot read " + describe(key) + ": " + e.getMessage(), e);
        } finally {
            Bytes.zero(encoded);
        }
    }

    /** The NanoPQ type named by a foreign key's encoding, or an exception naming what was expected. */
    private static KeyType foreignType(byte[] encoded, boolean privateKeyInfo, Key key, Set<KeyType> accepted,
            String kind) throws InvalidKeyException {
        String oid;
        try {
            oid = Der.peekAlgorithmOid(encoded, privateKeyInfo);
        } catch (Der.DerException e) {
            throw new InvalidKeyException("Cannot read " + describe(key) + ": " + e.getMessage(), e);
        }
        return KeyType.forOid(oid).orElseThrow(() -> new InvalidKeyException(
                "Expected a " + names(accepted) + " " + kind + " key, got " + describe(key)));
    }

    private static <K> K requireType(KeyType type, K key, Set<KeyType> accepted) throws InvalidKeyException {
        if (!accepted.contains(type)) {
            throw new InvalidKeyException("Expected a " + names(accepted) + " key, got " + type.algorithm());
        }
        return key;
    }

    private static String names(Set<KeyType> types) {
        return String.join(" or ", types.stream().map(KeyType::algorithm).sorted().toList());
    }

    private static String describe(Key key) {
        return key == null ? "null" : key.getAlgorithm() + " key (" + key.getClass().getName() + ")";
    }

    private static NanoPrivateKey privateKeyAndZero(KeyType type, byte[] raw) throws InvalidKeySpecException {
        try {
            return privateKey(type, raw);
        } finally {
            Bytes.zero(raw);
        }
    }

    private static NanoPrivateKey fromSeed(KeyType type, byte[] seed) {
        byte[] seedCopy = seed.clone();
        if (type.family() == KeyType.Family.ML_KEM) {
            JdkMlKem.RawKeyPair pair = JdkMlKem.generate(type.algorithm(), seedCopy);
            return new NanoPrivateKey(type, pair.decapsulationKey(), seedCopy,
                    new NanoPublicKey(type, pair.encapsulationKey()));
        }
        JdkMlDsa.RawKeyPair pair = JdkMlDsa.generate(type.algorithm(), seedCopy);
        return new NanoPrivateKey(type, pair.privateKey(), seedCopy, new NanoPublicKey(type, pair.publicKey()));
    }

    /** The private key CHOICE of the ML-KEM (RFC 9935) and ML-DSA (RFC 9881) X.509 profiles. */
    private static NanoPrivateKey fromSeedOrExpanded(KeyType type, byte[] content)
            throws Der.DerException, InvalidKeySpecException {
        Der.Reader reader = new Der.Reader(content);
        int tag = reader.peekTag();
        if (tag == Der.CONTEXT_0) {
            byte[] seed = reader.read(Der.CONTEXT_0);
            reader.expectEnd();
            requireLength(type, "seed", seed, type.seedLength());
            return privateKeyAndZero(type, seed);
        }
        if (tag == Der.OCTET_STRING) {
            byte[] expanded = reader.read(Der.OCTET_STRING);
            reader.expectEnd();
            requireLength(type, "expanded key", expanded, type.privateLength());
            return privateKeyAndZero(type, expanded);
        }
        Der.Reader both = reader.enter(Der.SEQUENCE);
        reader.expectEnd();
        byte[] seed = both.read(Der.OCTET_STRING);
        byte[] expanded = both.read(Der.OCTET_STRING);
        both.expectEnd();
        try {
            requireLength(type, "seed", seed, type.seedLength());
            NanoPrivateKey key = privateKey(type, seed);
            byte[] derived = key.secret();
            boolean consistent = Bytes.constantTimeEquals(derived, expanded);
            Bytes.zero(derived);
            if (!consistent) {
                key.destroy();
                throw new InvalidKeySpecException(type.algorithm() + " private key: seed and expanded key disagree");
            }
            return key;
        } finally {
            Bytes.zero(seed, expanded);
        }
    }

    private static void requireLength(KeyType type, String what, byte[] value, int length)
            throws InvalidKeySpecException {
        if (value.length != length) {
            throw new InvalidKeySpecException(type.algorithm() + " " + what + " must be " + length
                    + " bytes, got " + value.length);
        }
    }

    /**
     * FIPS 204 Alg. 25 skDecode: s1 and s2 are packed as eta - c in bitlen(2 eta) bits each, so a packed
     * value above 2 eta is a coefficient outside [-eta, eta]. The JDK signs with such a key unchecked.
     */
    private static void checkMlDsaSecretRange(KeyType type, byte[] sk) throws InvalidKeySpecException {
        // FIPS 204 §4 Table 1: eta, and the l + k polynomials of s1 and s2
        int eta = type == KeyType.ML_DSA_65 ? 4 : 2;
        int polynomials = switch (type) {
            case ML_DSA_44 -> 4 + 4;
            case ML_DSA_65 -> 5 + 6;
            case ML_DSA_87 -> 7 + 8;
            default -> throw new IllegalArgumentException(type + " is not ML-DSA");
        };
        int bits = eta == 2 ? 3 : 4;
        int start = 32 + 32 + 64; // after rho, K and tr
        int end = start + polynomials * 256 * bits / 8;
        int buffer = 0;
        int buffered = 0;
        boolean outOfRange = false;
        for (int i = start; i < end; i++) {
            buffer |= (sk[i] & 0xff) << buffered;
            buffered += 8;
            while (buffered >= bits) {
                outOfRange |= (buffer & ((1 << bits) - 1)) > 2 * eta;
                buffer >>>= bits;
                buffered -= bits;
            }
        }
        if (outOfRange) {
            throw new InvalidKeySpecException(type.algorithm() + " private key fails the FIPS 204 skDecode range "
                    + "check (a coefficient of s1 or s2 is not in [-eta, eta])");
        }
    }

    /** FIPS 203 §7.2 modulus check: ByteEncode12(ByteDecode12(ek)) == ek, i.e. every coefficient below q. */
    private static void checkMlKemModulus(KeyType type, byte[] key, int mlKemLength) throws InvalidKeySpecException {
        int polynomialBytes = mlKemLength - 32;
        for (int i = 0; i < polynomialBytes; i += 3) {
            int b0 = key[i] & 0xff;
            int b1 = key[i + 1] & 0xff;
            int b2 = key[i + 2] & 0xff;
            int first = b0 | ((b1 & 0x0f) << 8);
            int second = (b1 >> 4) | (b2 << 4);
            if (first >= ML_KEM_Q || second >= ML_KEM_Q) {
                throw new InvalidKeySpecException(type.algorithm()
                        + " public key fails the FIPS 203 modulus check (a coefficient is not below q)");
            }
        }
    }

    /** FIPS 203 §7.3 hash check: H(ek) stored in dk equals SHA3-256 of the ek stored in dk. */
    private static byte[] mlKemPublicOf(KeyType type, byte[] dk) throws InvalidKeySpecException {
        int k = (type.publicLength() - 32) / 384;
        int ekStart = 384 * k;
        int ekEnd = ekStart + type.publicLength();
        byte[] ek = Arrays.copyOfRange(dk, ekStart, ekEnd);
        byte[] stored = Arrays.copyOfRange(dk, ekEnd, ekEnd + 32);
        if (!Bytes.constantTimeEquals(sha3(ek), stored)) {
            throw new InvalidKeySpecException(type.algorithm()
                    + " private key fails the FIPS 203 hash check (H(ek) does not match ek)");
        }
        checkMlKemModulus(type, ek, ek.length);
        return ek;
    }

    private static byte[] sha3(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA3-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException("SHA3-256 is missing from the JDK", e);
        }
    }

    private static void checkEd25519Point(KeyType type, byte[] key, int offset) throws InvalidKeySpecException {
        byte[] point = Arrays.copyOfRange(key, offset, offset + Curve25519.KEY_LENGTH);
        if (Curve25519.ed25519Point(point) == null) {
            throw new InvalidKeySpecException(type.algorithm() + " public key is not a valid Ed25519 point");
        }
    }

    /** X-Wing public key of a 32-byte seed: expandDecapsulationKey of draft-connolly-cfrg-xwing-kem-10. */
    private static byte[] xWingPublicOf(byte[] seed) {
        XWingSecrets secrets = XWingSecrets.expand(seed);
        try {
            return Bytes.concat(secrets.mlKemPublic(), secrets.x25519Public());
        } finally {
            secrets.destroy();
        }
    }

    private static byte[] compositePublicOf(byte[] secret) {
        byte[] mlDsaSeed = Arrays.copyOfRange(secret, 0, 32);
        byte[] edSecret = Arrays.copyOfRange(secret, 32, 64);
        try {
            JdkMlDsa.RawKeyPair mlDsa = JdkMlDsa.generate(KeyType.ML_DSA_65.algorithm(), mlDsaSeed);
            Bytes.zero(mlDsa.privateKey());
            return Bytes.concat(mlDsa.publicKey(), Curve25519.ed25519PublicKey(edSecret));
        } finally {
            Bytes.zero(mlDsaSeed, edSecret);
        }
    }

    /** The Bouncy Castle parameter set of an SLH-DSA key type. */
    public static SlhDsa.ParameterSet slhDsaSet(KeyType type) {
        return switch (type) {
            case SLH_DSA_SHA2_128S -> SlhDsa.ParameterSet.SHA2_128S;
            case SLH_DSA_SHA2_128F -> SlhDsa.ParameterSet.SHA2_128F;
            case SLH_DSA_SHAKE_128F -> SlhDsa.ParameterSet.SHAKE_128F;
            default -> throw new IllegalArgumentException(type + " is not an SLH-DSA key type");
        };
    }

    /**
     * The expanded X-Wing decapsulation key (expandDecapsulationKey of draft-connolly-cfrg-xwing-kem-10):
     * SHAKE256(sk, 96) = d || z || sk_X, with (pk_M, sk_M) = ML-KEM-768.KeyGen_internal(d, z).
     */
    public record XWingSecrets(byte[] mlKemPublic, byte[] mlKemExpanded, byte[] x25519Secret, byte[] x25519Public) {

        /** Expands a 32-byte X-Wing seed. */
        public static XWingSecrets expand(byte[] seed) {
            byte[] expanded = Shake.shake256(seed, 96);
            byte[] mlKemSeed = Arrays.copyOfRange(expanded, 0, 64);
            byte[] x25519Secret = Arrays.copyOfRange(expanded, 64, 96);
            Bytes.zero(expanded);
            try {
                JdkMlKem.RawKeyPair mlKem = JdkMlKem.generate(KeyType.ML_KEM_768.algorithm(), mlKemSeed);
                return new XWingSecrets(mlKem.encapsulationKey(), mlKem.decapsulationKey(), x25519Secret,
                        Curve25519.x25519PublicKey(x25519Secret));
            } finally {
                Bytes.zero(mlKemSeed);
            }
        }

        /** Zeroes the secret parts. */
        public void destroy() {
            Bytes.zero(mlKemExpanded, x25519Secret);
        }
    }
}
