// SPDX-License-Identifier: Apache-2.0
package org.nanomessenger.ejb.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.nanomessenger.ejb.entity.Account;
import org.nanomessenger.ejb.entity.BlockedSender;
import org.nanomessenger.ejb.entity.Device;

/** Accounts, their devices and their blocked senders. Runs in the caller's transaction. */
@ApplicationScoped
public class AccountRepository {

    @PersistenceContext(unitName = "nano")
    EntityManager em;

    public Optional<Account> findByUsername(String username) {
        return em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    /** The named device of a user. */
    public Optional<Device> findDevice(String username, String deviceName) {
        return findDevices(username).stream().filter(d -> d.name().equals(deviceName)).findFirst();
    }

    /** The user's first device: the one others encrypt to while accounts have one device. */
    public Optional<Device> findPrimaryDevice(String username) {
        return findDevices(username).stream().findFirst();
    }

    /**
     * The device, locked until the transaction ends: concurrent bundle fetches for one user queue
     * here, so that no one-time prekey is handed out twice.
     */
    public Device lock(Device device) {
        return em.find(Device.class, device.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    public void persist(Object entity) {
        em.persist(entity);
        em.flush();
    }

    public boolean isBlocked(Account account, String sender) {
        return em.find(BlockedSender.class, new BlockedSender.Key(account.id(), sender)) != null;
    }

    public List<String> blockedSenders(Account account) {
        return em.createNamedQuery(BlockedSender.OF_ACCOUNT, String.class)
                .setParameter("accountId", account.id())
                .getResultList();
    }

    /** Removes a block; answers whether there was one. */
    public boolean unblock(Account account, String sender) {
        BlockedSender block = em.find(BlockedSender.class, new BlockedSender.Key(account.id(), sender));
        if (block == null) {
            return false;
        }
        em.remove(block);
        return true;
    }

    private List<Device> findDevices(String username) {
        return em.createNamedQuery(Device.BY_USERNAME, Device.class)
                .setParameter("username", username)
                .getResultList();
    }
}
