/**
 * Registration (用户注册, REG-1..REG-4): identity check against the public-security registry (a port), SMS proof of
 * the phone, QR face check, then one transaction that creates the person at real-name level 4 and moves the phone
 * from any previous holder (RULE-PHONE). Offline-only document types need a tax-office collection (线下实名采集).
 *
 * <p>Glossary: 实名等级 real-name level; 线下实名采集 {@code OfflineCollection}; 境外自然人 overseas person.
 */
package cn.etax.identity.registration;
