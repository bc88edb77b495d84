/**
 * Grants (人企关联 / 授权): which person may act for which taxpayer, in which identity type, with which permissions,
 * until when. The aggregate and its state machine are in {@code grant.domain}; the services here bind and end the
 * key personnel's grants for the taxpayer registry (REG-8) and attach grants kept on a document digest to the person
 * who registers with that document later (observing {@code PersonRegistered} in the same transaction).
 *
 * <p>Decisions: a grant names its taxpayer by id only (another context's aggregate); a holder who has not registered
 * is kept as keyed digest + masked name and number, never the number itself; EXPIRED is derived from the business
 * clock and never stored.
 *
 * <p>Glossary: 人企关联/授权 {@code Grant}; 身份类型 {@code IdentityType}; 法定代表人 {@code LEGAL_REPRESENTATIVE};
 * 财务负责人 {@code FINANCE_OFFICER}; 办税员 {@code TAX_OFFICER}; 开票员 {@code INVOICER}; 人员权限 {@code Permission};
 * 待确认 {@code PENDING}; 冻结/解冻 {@code freeze}/{@code unfreeze}; 撤回 {@code withdraw}; 拒绝 {@code reject};
 * 删除 {@code delete}; 发起方 {@code GrantParty} (企业、个人、系统、税务机关); 历史管理信息 {@code GrantHistory}.
 */
package cn.etax.identity.grant;
