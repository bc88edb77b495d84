package cn.etax.identity.identity.application;

import java.io.Serializable;

/**
 * ENT-9: where an identity switch goes. Today: another enterprise identity of the same person (in the same or
 * another taxpayer, named by its grant) or his personal business. Agent client switches (AGT-) and cross-region
 * identities add their own kinds here; each kind is checked again by {@link IdentitySwitchService} at the moment of
 * the switch.
 */
public sealed interface SwitchTarget extends Serializable {

    /** The kind as REST and the login log name it. */
    Kind kind();

    enum Kind { ENTERPRISE, PERSONAL }

    /** Another enterprise identity: the grant the person holds in that taxpayer. */
    record Enterprise(long grantId) implements SwitchTarget {
        @Override
        public Kind kind() {
            return Kind.ENTERPRISE;
        }
    }

    /** Personal business (个人办税) — one way: no switching back to an enterprise identity without a new login. */
    record Personal() implements SwitchTarget {
        @Override
        public Kind kind() {
            return Kind.PERSONAL;
        }
    }
}
