package cn.etax.identity.authentication.infrastructure;

import cn.etax.identity.shared.MobileNumber;

/**
 * Port to the SMS gateway (§11). The production adapter is the province's gateway; the simulator writes to an
 * outbox testers can read. Implementations throw {@link cn.etax.identity.shared.ServiceBusyException} when the
 * gateway cannot take the message.
 */
public interface SmsGateway {

    void send(MobileNumber to, String text);

    /** For the start-up log. */
    String name();
}
