package io.github.eidvn.chip.pcsc;

import io.github.eidvn.chip.ChipAccess;
import io.github.eidvn.chip.ChipAuthenticationChallenge;
import io.github.eidvn.chip.ChipAuthenticationKey;
import io.github.eidvn.chip.ChipFiles;
import io.github.eidvn.chip.ChipRead;
import io.github.eidvn.chip.ChipReadException;
import io.github.eidvn.chip.ChipReader;
import io.github.eidvn.chip.ChipVerifier;
import io.github.eidvn.chip.Mrz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ISO7816;
import org.jmrtd.AccessKeySpec;
import org.jmrtd.BACKey;
import org.jmrtd.PACEKeySpec;
import org.jmrtd.PassportService;
import org.jmrtd.lds.CardAccessFile;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.lds.icao.DG15File;
import org.jmrtd.protocol.AAResult;
import org.jmrtd.protocol.EACCAAPDUSender;
import org.jmrtd.protocol.EACCAProtocol;

/**
 * Reads the chip of an ID card on a PC/SC reader ({@code javax.smartcardio}) with JMRTD: PACE when EF.CardAccess
 * offers it (with the CAN, or the MRZ key), otherwise BAC with the MRZ; then EF.COM, EF.SOD, DG1, DG2, DG13, DG14 and
 * DG15, an active authentication challenge (8 random bytes) when DG15 is present, and last chip authentication when
 * DG14 is present (a {@link ChipAuthenticationChallenge}: the terminal key sent with JMRTD, then the challenge's
 * protected command; the chip's answer is handed over in {@link ChipRead#chipAuthentication()}). Registered as a
 * {@link ChipReader} service.
 *
 * <p>Vietnamese cards offer PACE (ECDH generic mapping, AES-128, brainpoolP256r1); the CAN is the last 6 digits of the
 * personal number, and the MRZ works too. The files come back exactly as read, for {@link ChipVerifier}.
 *
 * <p><b>Security.</b> Nothing here is verified: a reader can be given a cloned or forged chip. The access key never
 * appears in exceptions. One card at a time per reader; thread-safe (no shared state).
 */
public final class PcscChipReader implements ChipReader {

    /** Files read, in order: EF.COM, EF.SOD, then DG1, DG2, DG13, DG14, DG15. */
    private static final int[] DATA_GROUPS = {1, 2, 13, 14, 15};

    private final SecureRandom random = new SecureRandom();

    /** Creates the reader (the service loader calls this). */
    public PcscChipReader() {
    }

    @Override
    public List<String> readerNames() throws ChipReadException {
        try {
            return terminals().list().stream().map(CardTerminal::getName).toList();
        } catch (CardException | RuntimeException e) {
            throw new ChipReadException(ChipReadException.Reason.NO_READER, "PC/SC is not available: "
                    + e.getMessage(), e);
        }
    }

    private static CardTerminals terminals() {
        return TerminalFactory.getDefault().terminals();
    }

    @Override
    public ChipRead read(String readerName, ChipAccess access) throws ChipReadException {
        CardTerminal terminal;
        Card card;
        try {
            terminal = terminals().getTerminal(readerName);
            if (terminal == null) {
                throw new ChipReadException(ChipReadException.Reason.NO_READER, "no reader named " + readerName, null);
            }
            if (!terminal.isCardPresent()) {
                throw new ChipReadException(ChipReadException.Reason.NO_CARD, "no card on " + readerName, null);
            }
            card = terminal.connect("*");
        } catch (CardException | RuntimeException e) {
            throw new ChipReadException(ChipReadException.Reason.NO_READER, "cannot connect: " + e.getMessage(), e);
        }
        SmartcardioCardService raw = new SmartcardioCardService(card);
        PassportService service = new PassportService(raw,
                PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, PassportService.DEFAULT_MAX_BLOCKSIZE, false, true);
        try {
            service.open();
            String protocol = open(service, access);
            ChipFiles.Builder files = ChipFiles.builder();
            Optional<byte[]> com = readFile(service, PassportService.EF_COM, false);
            com.ifPresent(files::com);
            files.sod(readFile(service, PassportService.EF_SOD, true).orElseThrow());
            byte[] dg14 = null;
            byte[] dg15 = null;
            for (int n : DATA_GROUPS) {
                Optional<byte[]> dg = readFile(service, fileId(n), n == 1);
                if (dg.isPresent()) {
                    files.dataGroup(n, dg.get());
                    if (n == 14) {
                        dg14 = dg.get();
                    } else if (n == 15) {
                        dg15 = dg.get();
                    }
                }
            }
            Optional<ChipVerifier.ActiveAuthenticationResponse> aa = Optional.empty();
            if (dg15 != null) {
                aa = Optional.of(activeAuthentication(service, dg15));
            }
            // last: chip authentication ends the current secure channel
            Optional<ChipVerifier.ChipAuthenticationResponse> ca = Optional.empty();
            if (dg14 != null) {
                ca = chipAuthentication(service, raw, dg14);
            }
            return new ChipRead(files.build(), aa, protocol, ca);
        } catch (CardServiceException e) {
            throw new ChipReadException(ChipReadException.Reason.READ_FAILED, "card error, status word "
                    + Integer.toHexString(e.getSW()), e);
        } catch (IllegalArgumentException e) {
            throw new ChipReadException(ChipReadException.Reason.READ_FAILED, "a file is empty or too large", e);
        } finally {
            service.close();
        }
    }

    /** Opens the secure channel; returns the protocol used. */
    private static String open(PassportService service, ChipAccess access) throws ChipReadException {
        Optional<PACEInfo> pace = paceInfo(service);
        try {
            if (pace.isPresent()) {
                PACEInfo info = pace.get();
                service.doPACE(paceKey(access), info.getObjectIdentifier(),
                        PACEInfo.toParameterSpec(info.getParameterId()), info.getParameterId());
                service.sendSelectApplet(true);
                return "PACE";
            }
            if (access.mrz().isEmpty()) {
                throw new ChipReadException(ChipReadException.Reason.ACCESS_DENIED,
                        "the chip does not offer PACE, so the CAN cannot open it: use the MRZ", null);
            }
            service.sendSelectApplet(false);
            service.doBAC(bacKey(access.mrz().get()));
            return "BAC";
        } catch (CardServiceException e) {
            throw new ChipReadException(ChipReadException.Reason.ACCESS_DENIED, "the chip refused the key (status "
                    + Integer.toHexString(e.getSW()) + ")", e);
        } catch (GeneralSecurityException e) {
            throw new ChipReadException(ChipReadException.Reason.ACCESS_DENIED, "cannot build the access key", e);
        }
    }

    /**
     * The PACE protocol the chip offers in EF.CardAccess, read before any secure channel.
     *
     * @param service an open service
     * @return the first PACE info, or empty when the chip has no EF.CardAccess (BAC only)
     */
    private static Optional<PACEInfo> paceInfo(PassportService service) {
        try (InputStream in = service.getInputStream(PassportService.EF_CARD_ACCESS,
                PassportService.DEFAULT_MAX_BLOCKSIZE)) {
            return firstPaceInfo(in.readAllBytes());
        } catch (CardServiceException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * @param cardAccess the bytes of EF.CardAccess
     * @return its first PACE info
     * @throws IOException when the file is malformed
     */
    static Optional<PACEInfo> firstPaceInfo(byte[] cardAccess) throws IOException {
        for (SecurityInfo info : new CardAccessFile(new ByteArrayInputStream(cardAccess)).getSecurityInfos()) {
            if (info instanceof PACEInfo p) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static AccessKeySpec paceKey(ChipAccess access) throws GeneralSecurityException {
        if (access.can().isPresent()) {
            return PACEKeySpec.createCANKey(access.can().get());
        }
        return PACEKeySpec.createMRZKey(bacKey(access.mrz().orElseThrow()));
    }

    static BACKey bacKey(Mrz mrz) {
        return new BACKey(mrz.documentNumber(), mrz.birthDateText(), mrz.expiryDateText());
    }

    static short fileId(int dataGroup) {
        return switch (dataGroup) {
            case 1 -> PassportService.EF_DG1;
            case 2 -> PassportService.EF_DG2;
            case 13 -> PassportService.EF_DG13;
            case 14 -> PassportService.EF_DG14;
            case 15 -> PassportService.EF_DG15;
            default -> throw new IllegalArgumentException("not read: DG" + dataGroup);
        };
    }

    /** Reads a file; an absent optional file (file not found, or access refused) is empty. */
    private static Optional<byte[]> readFile(PassportService service, short fid, boolean required)
            throws CardServiceException {
        try (InputStream in = service.getInputStream(fid, PassportService.DEFAULT_MAX_BLOCKSIZE)) {
            byte[] limit = in.readNBytes(ChipFiles.MAX_DATA_GROUP_BYTES + 1);
            return Optional.of(limit);
        } catch (CardServiceException e) {
            int sw = e.getSW();
            if (!required && (sw == ISO7816.SW_FILE_NOT_FOUND || sw == ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED)) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new CardServiceException("reading file " + Integer.toHexString(fid & 0xFFFF) + " failed", e);
        }
    }

    /**
     * Chip authentication with JMRTD, the terminal key made by a {@link ChipAuthenticationChallenge} (as a server would
     * make it): the key sent in the current secure channel, then the challenge's protected command sent as is.
     *
     * @return empty when DG14 offers no chip authentication key; the challenge and the chip's answer otherwise
     * @throws CardServiceException when the chip refuses the terminal key
     */
    private Optional<ChipVerifier.ChipAuthenticationResponse> chipAuthentication(PassportService service,
            SmartcardioCardService raw, byte[] dg14) throws CardServiceException {
        List<ChipAuthenticationKey> keys;
        try {
            keys = ChipAuthenticationKey.fromDg14(dg14);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // malformed DG14: the verifier refuses it, or its hash, on its own
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        ChipAuthenticationChallenge challenge = ChipAuthenticationChallenge.start(keys.get(0), random);
        ChipAuthenticationKey key = challenge.key();
        EACCAProtocol.sendPublicKey(new EACCAAPDUSender(raw), service.getWrapper(), key.protocol(), key.keyId().orElse(null),
                challenge.terminalPublicKey());
        byte[] answer = raw.transmit(new CommandAPDU(challenge.protectedCommand())).getBytes();
        if (answer.length < 4) {
            throw new CardServiceException("the chip answered chip authentication with status "
                    + HexFormat.of().formatHex(answer));
        }
        return Optional.of(new ChipVerifier.ChipAuthenticationResponse(challenge, answer));
    }

    private ChipVerifier.ActiveAuthenticationResponse activeAuthentication(PassportService service, byte[] dg15)
            throws CardServiceException {
        PublicKey key;
        try {
            key = new DG15File(new ByteArrayInputStream(dg15)).getPublicKey();
        } catch (IOException | RuntimeException e) {
            throw new CardServiceException("DG15 does not hold a public key", e);
        }
        byte[] challenge = new byte[8];
        random.nextBytes(challenge);
        boolean rsa = "RSA".equals(key.getAlgorithm());
        AAResult result = service.doAA(key, rsa ? "SHA-1" : "SHA-256", rsa ? "SHA1WithRSA/ISO9796-2" : "SHA256withECDSA",
                challenge);
        return new ChipVerifier.ActiveAuthenticationResponse(challenge, result.getResponse());
    }
}
