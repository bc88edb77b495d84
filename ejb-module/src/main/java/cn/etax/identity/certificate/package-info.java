/**
 * Tax digital certificates (税务数字证书, §9, LOGIN-6, ENT-7): everything the platform does with certificate hardware
 * goes through the certificate connector (the resource adapter in connector-module) — verifying a signature made with
 * a taxpayer's key together with its certificate's chain to the tax CA roots, validity and revocation; reading the
 * certificates on a token; signing with a key that never leaves its token. The connection factory is defined here
 * ({@link cn.etax.identity.certificate.application.CertificateService}) and found by the other beans by its name.
 * <p>
 * Glossary: 国密证书 → SM2 certificate, 非国密证书 → RSA certificate, 证书密码/口令 → PIN, 证书介质 (UKey, 金税盘,
 * 税控盘) → token, 挑战 → challenge, 吊销 → revoked.
 */
package cn.etax.identity.certificate;
