/**
 * The taxpayer registry (纳税人): a synchronised copy of the core tax system's registrations, kept up to date by
 * inbound messages (API-3, REG-8). Registration binds the legal representative at once and offers the finance
 * officer his role; a key-personnel change ends the replaced person's grant and binds the new one.
 *
 * <p>Decisions: every message carries an id and is applied at most once — the id is inserted into
 * {@code sync_message} in the same transaction as the change, first, so a concurrent copy blocks on the primary key
 * and, once the first commits, fails and answers what the first did. Key-personnel changes carry the time they took
 * effect in the core system; an older change arriving after a newer one is stale and changes nothing. The endpoint
 * is protected by a shared secret ({@code identity.sync.token}); without it configured, synchronisation is off.
 *
 * <p>Glossary: 纳税人 {@code Taxpayer}; 统一社会信用代码/纳税人识别号 {@code CreditCode}; 主管税务机关 tax authority;
 * 纳税人类型 {@code TaxpayerKind} (一般企业, 涉税专业服务机构, 非居民企业); 主要人员 {@code KeyRole}; 投资方
 * {@code Investor}; 基础税务信息 {@code BasicTaxData}; 新办纳税人/信息确认 registration message; 主要人员变更
 * key-personnel change.
 */
package cn.etax.identity.taxpayer;
