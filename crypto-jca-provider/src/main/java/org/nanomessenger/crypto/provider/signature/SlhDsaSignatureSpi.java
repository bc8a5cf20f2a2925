// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.crypto.provider.signature;

import java.security.SecureRandom;
import java.util.EnumSet;

import org.nanomessenger.crypto.provider.internal.Bytes;
import org.nanomessenger.crypto.provider.internal.bc.SlhDsa;
import org.nanomessenger.crypto.provider.key.KeyType;
import org.nanomessenger.crypto.provider.key.Keys;
import org.nanomessenger.crypto.provider.key.NanoPrivateKey;
import org.nanomessenger.crypto.provider.key.NanoPublicKey;

/** Pure SLH-DSA (FIPS 205 Alg. 22 and 24) with the empty context, hedged, on Bouncy Castle. */
public abstract class SlhDsaSignatureSpi extends NanoSignatureSpi {

    protected SlhDsaSignatureSpi(KeyType type) {
        super(EnumSet.of(type));
    }

    @Override
    protected byte[] sign(NanoPrivateKey key, byte[] message, SecureRandom random) {
        byte[] secret = key.secret();
        try {
            return SlhDsa.sign(Keys.slhDsaSet(key.type()), secret, message, random);
        } finally {
            Bytes.zero(secret);
        }
    }

    @Override
    protected boolean verify(NanoPublicKey key, byte[] message, byte[] signature) {
        return SlhDsa.verify(Keys.slhDsaSet(key.type()), key.raw(), message, signature);
    }

    @Override
    protected int signatureLength(KeyType type) {
        return Keys.slhDsaSet(type).signatureLength();
    }

    public static final class Sha2128s extends SlhDsaSignatureSpi {
        public Sha2128s() {
            super(KeyType.SLH_DSA_SHA2_128S);
        }
    }

    public static final class Sha2128f extends SlhDsaSignatureSpi {
        public Sha2128f() {
            super(KeyType.SLH_DSA_SHA2_128F);
        }
    }

    public static final class Shake128f extends SlhDsaSignatureSpi {
        public Shake128f() {
            super(KeyType.SLH_DSA_SHAKE_128F);
        }
    }
}
