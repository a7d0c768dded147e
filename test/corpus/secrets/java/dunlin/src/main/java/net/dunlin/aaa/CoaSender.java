package net.dunlin.aaa;

import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;
import org.tinyradius.packet.CoaRequest;
import org.tinyradius.util.RadiusClient;

/** Sends Change-of-Authorization to the BNGs when a subscriber's speed tier changes in the BSS. */
public class CoaSender {

    private final RadiusClient coa = new RadiusClient("bng1-lds1.net.dunlin.net", "VrB43ozjkYmBmz1ULrQiSz492d9m");

    static UsmUser pollerUser() {
        return new UsmUser(
            new OctetString("bss-poller"),
            AuthSHA.ID,
            new OctetString("yqxY_MIT9to!3GtBS+fk"),
            PrivAES128.ID,
            new OctetString("KZ6CxH3Q7pUYCozQP+e2"));
    }

    public void changeTier(String sessionId, String tier) throws Exception {
        CoaRequest req = new CoaRequest();
        req.addAttribute("Acct-Session-Id", sessionId);
        req.addAttribute("Cisco-AVPair", "subscriber:sub-qos-policy-out=" + tier);
        coa.communicate(req, 3799);
    }
}
