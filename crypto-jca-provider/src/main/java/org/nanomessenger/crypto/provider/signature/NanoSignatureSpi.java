// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.signature;

import java.io.ByteArrayOutputStream;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Set;

import org.nanomessenger.crypto.provider.SelfTest;
import org.nanomessenger.crypto.provider.key.KeyType;
import org.nanomessenger.crypto.provider.key.Keys;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;

/**
 * The shared half of every NanoPQ signature: key checks, message buffering (all of NanoPQ's
 * schemes sign the whole message, not a running hash) and the JCA contract. A subclass supplies
 * the algorithm. Signatures of the wrong length are a {@link SignatureException}, not a false.
 */
public abstract class NanoSignatureSpi extends SignatureSpi {

    private final Set<KeyType> accepted;
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private NanoPublicKey publicKey;
    private NanoPrivateKey privateKey;
    private SecureRandom random;

    protected NanoSignatureSpi(Set<KeyType> accepted) {
        SelfTest.requirePassed(accepted.iterator().next().family());
        this.accepted = accepted;
    }

    /** Signs the whole message. */
    protected abstract byte[] sign(NanoPrivateKey key, byte[] message, SecureRandom random) throws SignatureException;

    /** Verifies a signature already known to have the right length. */
    protected abstract boolean verify(NanoPublicKey key, byte[] message, byte[] signature) throws SignatureException;

    /** The signature length for keys of {@code type}. */
    protected abstract int signatureLength(KeyType type);

    @Override
    protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
        NanoPublicKey checked = Keys.toNanoPublic(key, accepted);
        privateKey = null;
        publicKey = checked;
        message.reset();
    }

    @Override
    protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
        engineInitSign(key, null);
    }

    @Override
    protected void engineInitSign(PrivateKey key, SecureRandom secureRandom) throws InvalidKeyException {
        NanoPrivateKey checked = Keys.toNanoPrivate(key, accepted);
        publicKey = null;
        privateKey = checked;
        random = secureRandom != null ? secureRandom : new SecureRandom();
        message.reset();
    }

    @Override
    protected void engineUpdate(byte b) throws SignatureException {
        requireInitialized();
        message.write(b);
    }

    @Override
    protected void engineUpdate(byte[] bytes, int offset, int length) throws SignatureException {
        requireInitialized();
        message.write(bytes, offset, length);
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
        if (privateKey == null) {
            throw new SignatureException("Signature not initialized for signing");
        }
        if (privateKey.isDestroyed()) {
            throw new SignatureException("The " + privateKey.getAlgorithm() + " private key has been destroyed");
        }
        byte[] data = message.toByteArray();
        message.reset();
        return sign(privateKey, data, random);
    }

    @Override
    protected boolean engineVerify(byte[] signature) throws SignatureException {
        if (publicKey == null) {
            throw new SignatureException("Signature not initialized for verification");
        }
        byte[] data = message.toByteArray();
        message.reset();
        int expected = signatureLength(publicKey.type());
        if (signature == null || signature.length != expected) {
            throw new SignatureException(publicKey.getAlgorithm() + " signature must be " + expected
                    + " bytes, got " + (signature == null ? "null" : signature.length));
        }
        return verify(publicKey, data, signature);
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException(
                    "NanoPQ signatures take no parameters (the context string is empty), got " + params);
        }
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
        throw new InvalidParameterException("NanoPQ signatures take no parameters");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
        throw new InvalidParameterException("NanoPQ signatures take no parameters");
    }

    private void requireInitialized() throws SignatureException {
        if (publicKey == null && privateKey == null) {
            throw new SignatureException("Signature not initialized");
        }
    }
}
