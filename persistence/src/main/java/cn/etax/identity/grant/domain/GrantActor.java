package cn.etax.identity.grant.domain;

/**
 * Who acts on a grant: the side, and the person (or clerk) acting for it; the system has no actor id. The
 * application service decides who the caller is; the grant decides what that side may do.
 */
public record GrantActor(GrantParty side, Long actorId) {

    public static final GrantActor SYSTEM = new GrantActor(GrantParty.SYSTEM, null);

    public GrantActor {
        if (side == null) {
            throw new IllegalArgumentException("side required");
        }
    }

    public static GrantActor enterprise(long personId) {
        return new GrantActor(GrantParty.ENTERPRISE, personId);
    }

    public static GrantActor person(long personId) {
        return new GrantActor(GrantParty.PERSON, personId);
    }

    public static GrantActor taxOffice(long clerkId) {
        return new GrantActor(GrantParty.TAX_OFFICE, clerkId);
    }
}
