// SPDX-License-Identifier: Apache-2.0
/**
 * The only package of NanoPQ that touches Bouncy Castle's lightweight API. Everything BC-specific
 * stays behind the small types here, so that a backend can change without touching the SPIs.
 */
package org.nanomessenger.crypto.provider.internal.bc;
