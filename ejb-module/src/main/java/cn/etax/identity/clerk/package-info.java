/**
 * The tax-office staff console (办税服务厅, SPEC §8): clerk login, taxpayer registration and key-personnel changes at
 * the counter, offline add and removal of staff relationships.
 *
 * <p>Decisions: clerks are accounts of their own ({@code clerk.domain}), authenticated through the one Jakarta
 * Security mechanism with the container role {@code CLERK} plus one role per counter duty; they never hold
 * {@code PERSON}, so the account-center services refuse them. Counter business reuses the services the core tax
 * system's sync uses (REG-8) and the grant context's offline grants; every action names the clerk and his office in
 * its audit record, in the same transaction.
 *
 * <p>Glossary: 办税服务厅 → staff console; 线下办理 → offline; 主要人员变更 → key-personnel change;
 * 新办纳税人信息确认 → taxpayer registration.
 */
package cn.etax.identity.clerk;
