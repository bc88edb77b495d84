/**
 * Grants as a domain: the {@link cn.etax.identity.grant.domain.Grant} aggregate with its state machine and history,
 * the identity types and the permission catalogue. Who the caller is and which side he acts for is decided by the
 * application services; what that side may do to a grant is decided here. Glossary in {@code cn.etax.identity.grant}.
 */
package cn.etax.identity.grant.domain;
