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
 * <p>Grant management: {@code StaffService} is the enterprise side (ENT-2..ENT-5), {@code AuthorisationService} the
 * person's (PER-2..PER-5). Until the enterprise login exists, the enterprise side is a logged-in person naming the
 * taxpayer; {@code GrantAuthority} alone decides whether he manages it (an effective legal-representative or
 * finance-officer grant), the question the enterprise session will ask too. A grant id from another taxpayer or
 * person is refused (403) and every refusal is audited in a transaction of its own; a transition that loses an
 * optimistic-lock race becomes {@code CONCURRENT_CHANGE} (409) at the flush. A person's confirmation consumes a
 * confirmed QR face check of an account-change flow unless the session's login was by face. "Clear record" hides
 * an ended grant for one side only. Expired grants refuse every transition but delete.
 *
 * <p>Glossary: 人企关联/授权 {@code Grant}; 身份类型 {@code IdentityType}; 法定代表人 {@code LEGAL_REPRESENTATIVE};
 * 财务负责人 {@code FINANCE_OFFICER}; 办税员 {@code TAX_OFFICER}; 开票员 {@code INVOICER}; 人员权限 {@code Permission};
 * 待确认 {@code PENDING}; 冻结/解冻 {@code freeze}/{@code unfreeze}; 撤回 {@code withdraw}; 拒绝 {@code reject};
 * 删除 {@code delete}; 发起方 {@code GrantParty} (企业、个人、系统、税务机关); 历史管理信息 {@code GrantHistory}; 清除记录 {@code hideFromHistory}; 同步数据
 * {@code AuthorisationService.sync}; 本省/全国 {@code AuthorisationFilter.nationwide}.
 */
package cn.etax.identity.grant;
