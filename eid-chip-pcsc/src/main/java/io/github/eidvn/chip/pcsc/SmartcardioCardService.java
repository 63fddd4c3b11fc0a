package io.github.eidvn.chip.pcsc;

import java.util.Objects;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

import net.sf.scuba.smartcards.APDUEvent;
import net.sf.scuba.smartcards.APDUListener;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;

/**
 * scuba's card service over a {@code javax.smartcardio} card: the transport JMRTD's {@code PassportService} talks
 * through (the role of scuba's own {@code scuba-sc-j2se} adapter).
 */
final class SmartcardioCardService extends CardService {

    private final Card card;
    private final CardChannel channel;
    private boolean open;
    private int count;

    SmartcardioCardService(Card card) {
        this.card = Objects.requireNonNull(card, "card");
        this.channel = card.getBasicChannel();
    }

    @Override
    public void open() {
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardServiceException {
        if (!open) {
            throw new CardServiceException("card service is closed");
        }
        try {
            javax.smartcardio.ResponseAPDU r = channel.transmit(new javax.smartcardio.CommandAPDU(command.getBytes()));
            ResponseAPDU response = new ResponseAPDU(r.getBytes());
            APDUEvent event = new APDUEvent(this, "RAW", ++count, command, response);
            for (APDUListener l : getAPDUListeners()) {
                l.exchangedAPDU(event);
            }
            return response;
        } catch (CardException | IllegalArgumentException e) {
            throw new CardServiceException("transmit failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] getATR() {
        return card.getATR().getBytes();
    }

    @Override
    public boolean isExtendedAPDULengthSupported() {
        return false;
    }

    @Override
    public void close() {
        open = false;
        try {
            card.disconnect(false);
        } catch (CardException e) {
            // already gone: nothing to release
        }
    }

    @Override
    public boolean isConnectionLost(Exception e) {
        return e instanceof CardServiceException && e.getCause() instanceof CardException;
    }
}
