// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.kem;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;

import org.nanomessenger.crypto.provider.internal.Bytes;
import org.nanomessenger.crypto.provider.internal.FixedRandom;
import org.nanomessenger.crypto.provider.internal.JdkMlKem;
import org.nanomessenger.crypto.provider.internal.bc.Curve25519;
import org.nanomessenger.crypto.provider.key.KeyType;
import org.nanomessenger.crypto.provider.key.Keys;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;

/**
 * X-Wing (draft-connolly-cfrg-xwing-kem-10): ML-KEM-768 and X25519 joined by a SHA3-256 combiner.
 * The draft does not test the X25519 output for zero, and neither does NanoPQ here: ML-KEM-768
 * alone keeps the shared secret safe, and a refusal would let decapsulation fail where the draft's
 * does not, which other implementations would not match.
 */
public final class XWingKemSpi extends NanoKemSpi {

    /** XWingLabel: the six ASCII bytes of the draft's art, backslash dot slash slash caret backslash. */
    private static final byte[] LABEL = {0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c};
    private static final int ML_KEM_PUBLIC = 1184;
    private static final int ML_KEM_CIPHERTEXT = 1088;
    private static final int ENCAPSULATION = ML_KEM_CIPHERTEXT + Curve25519.KEY_LENGTH;

    public XWingKemSpi() {
        super(EnumSet.of(KeyType.X_WING));
    }

    /** Encapsulate: eseed = random(64), then EncapsulateDerand(pk, eseed). */
    @Override
    protected Encapsulation encapsulate(NanoPublicKey key, SecureRandom random) {
        byte[] eseed = new byte[64];
        random.nextBytes(eseed);
        try {
            return encapsulateDerand(key, eseed);
        } finally {
            Bytes.zero(eseed);
        }
    }

    /**
     * EncapsulateDerand(pk, eseed) of the draft, with eseed = m || ek_X given: the deterministic core
     * that the draft's test vectors and the provider's self-test check.
     */
    public static Encapsulation encapsulateDerand(NanoPublicKey key, byte[] eseed) {
        byte[] pk = key.raw();
        byte[] pkX = Arrays.copyOfRange(pk, ML_KEM_PUBLIC, pk.length);
        byte[] m = Arrays.copyOfRange(eseed, 0, 32);
        byte[] ekX = Arrays.copyOfRange(eseed, 32, 64);

        byte[] ctX = Curve25519.x25519PublicKey(ekX);
        byte[] ssX = x25519(ekX, pkX);
        FixedRandom mRandom = new FixedRandom(m);
        KEM.Encapsulated mlKem = JdkMlKem.encapsulate(mlKemPublicKey(key), mRandom);
        if (!mRandom.isExhausted()) {
            throw new ProviderException("JDK ML-KEM encapsulation did not consume the 32-byte m");
        }
        byte[] ssM = mlKem.key().getEncoded();

        byte[] ss = combiner(ssM, ssX, ctX, pkX);
        Bytes.zero(m, ekX, ssX, ssM);
        return new Encapsulation(ss, Bytes.concat(mlKem.encapsulation(), ctX));
    }

    @Override
    protected byte[] decapsulate(NanoPrivateKey key, byte[] encapsulation) throws DecapsulateException {
        return decapsulateChecked(key, encapsulation);
    }

    /** Decapsulate(ct, sk) of the draft, for a ciphertext of the right length. */
    public static byte[] decapsulateChecked(NanoPrivateKey key, byte[] encapsulation) throws DecapsulateException {
        DecapsulationKey expanded = key.backend(XWingKemSpi::expand, DecapsulationKey::destroy);
        byte[] ctM = Arrays.copyOfRange(encapsulation, 0, ML_KEM_CIPHERTEXT);
        byte[] ctX = Arrays.copyOfRange(encapsulation, ML_KEM_CIPHERTEXT, ENCAPSULATION);

        byte[] ssM = JdkMlKem.decapsulate(expanded.mlKem(), ctM);
        byte[] ssX = x25519(expanded.x25519Secret(), ctX);

        try {
            return combiner(ssM, ssX, ctX, expanded.x25519Public());
        } finally {
            Bytes.zero(ssM, ssX);
        }
    }

    @Override
    protected int encapsulationLength(KeyType type) {
        return ENCAPSULATION;
    }

    /** Combiner: SHA3-256(ss_M || ss_X || ct_X || pk_X || XWingLabel). */
    private static byte[] combiner(byte[] ssM, byte[] ssX, byte[] ctX, byte[] pkX) {
        try {
            MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
            sha3.update(ssM);
            sha3.update(ssX);
            sha3.update(ctX);
            sha3.update(pkX);
            sha3.update(LABEL);
            return sha3.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException("SHA3-256 is missing from the JDK", e);
        }
    }

    /** X25519 without the all-zero refusal; see the class comment. */
    private static byte[] x25519(byte[] secret, byte[] point) {
        byte[] shared = Curve25519.x25519(secret, point);
        return shared != null ? shared : new byte[Curve25519.KEY_LENGTH];
    }

    private static PublicKey mlKemPublicKey(NanoPublicKey key) {
        return key.backend(k -> JdkMlKem.publicKey(KeyType.ML_KEM_768.oid(),
                Arrays.copyOfRange(k.raw(), 0, ML_KEM_PUBLIC)));
    }

    private static DecapsulationKey expand(NanoPrivateKey key) {
        byte[] seed = key.secret();
        Keys.XWingSecrets secrets = Keys.XWingSecrets.expand(seed);
        Bytes.zero(seed);
        KEM.Decapsulator mlKem = JdkMlKem.decapsulator(
                JdkMlKem.privateKey(KeyType.ML_KEM_768.oid(), secrets.mlKemExpanded()));
        Bytes.zero(secrets.mlKemExpanded());
        return new DecapsulationKey(mlKem, secrets.x25519Secret(), secrets.x25519Public());
    }

    /** The expanded decapsulation key, kept with the private key. */
    private record DecapsulationKey(KEM.Decapsulator mlKem, byte[] x25519Secret, byte[] x25519Public) {
        void destroy() {
            Bytes.zero(x25519Secret);
        }
    }
}
