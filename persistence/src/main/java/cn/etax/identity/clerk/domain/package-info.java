/**
 * Tax-office clerks (办税服务厅, SPEC §8): accounts of their own for the staff console, apart from natural persons.
 *
 * <p>Decisions: a clerk logs in with username and password under the same lockout counters as a person
 * ({@link cn.etax.identity.authentication.domain.ConsecutiveFailures}); his roles at the office become container
 * roles, and he is never given the {@code PERSON} role, so every person service refuses him.
 *
 * <p>Glossary: 办税服务厅工作人员 → {@code Clerk}; 税务机关 → tax office ({@code taxOfficeCode}, {@code taxOfficeName});
 * 登记岗 → {@code CLERK_REGISTRATION}; 授权岗 → {@code CLERK_GRANTS}.
 */
package cn.etax.identity.clerk.domain;
