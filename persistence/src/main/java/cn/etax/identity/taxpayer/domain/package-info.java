/**
 * The taxpayer registry as entities: {@link cn.etax.identity.taxpayer.domain.Taxpayer} (a synchronised copy of the
 * core tax system's registration) and the ids of applied sync messages. Glossary in {@code cn.etax.identity.taxpayer}.
 */
package cn.etax.identity.taxpayer.domain;
