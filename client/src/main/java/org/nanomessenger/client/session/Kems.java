// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.client.session;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;

import org.nanomessenger.crypto.provider.NanoPQProvider;

/**
 * The KEM operations of a session, through NanoPQ and the standard {@code javax.crypto.KEM} API.
 * Keys travel and rest in their standard encodings: X.509 SubjectPublicKeyInfo and PKCS#8.
 */
final class Kems {

    static final Provider NANO = new NanoPQProvider();

    private Kems() {
    }

    /** A KEM output: the shared secret and the encapsulation to send. */
    record Encapsulation(byte[] secret, byte[] ciphertext) {
    }

    static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm, NANO).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new ProviderException("NanoPQ cannot generate a " + algorithm + " key", e);
        }
    }

    static Encapsulation encapsulate(String algorithm, byte[] publicKeySpki) throws SessionException {
        try {
            PublicKey key = KeyFactory.getInstance(algorithm, NANO)
                    .generatePublic(new X509EncodedKeySpec(publicKeySpki));
            KEM.Encapsulated encapsulated = KEM.getInstance(algorithm, NANO).newEncapsulator(key).encapsulate();
            return new Encapsulation(encapsulated.key().getEncoded(), encapsulated.encapsulation());
        } catch (GeneralSecurityException e) {
            throw new SessionException("Cannot encapsulate to the " + algorithm + " key: " + e.getMessage(), e);
        }
    }

    static byte[] decapsulate(String algorithm, byte[] privateKeyPkcs8, byte[] ciphertext) throws SessionException {
        try {
            PrivateKey key = KeyFactory.getInstance(algorithm, NANO)
                    .generatePrivate(new PKCS8EncodedKeySpec(privateKeyPkcs8));
            SecretKey secret = KEM.getInstance(algorithm, NANO).newDecapsulator(key).decapsulate(ciphertext);
            return secret.getEncoded();
        } catch (DecapsulateException e) {
            throw new SessionException("The " + algorithm + " encapsulation is invalid", e);
        } catch (GeneralSecurityException e) {
            throw new SessionException("Cannot decapsulate with the " + algorithm + " key: " + e.getMessage(), e);
        }
    }
}
