package dev.lakehouse.chassis.lake;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens this daemon's writers, one per stream (observations, audit, ...), and closes them
 * (draining and sealing) when the daemon stops.
 */
public class LakeWriters implements DisposableBean {

    private final LakeProperties properties;
    private final String daemon;
    private final String instance;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final List<LakeWriter> opened = new ArrayList<>();

    public LakeWriters(LakeProperties properties, String daemon, JsonMapper json, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.daemon = daemon;
        this.instance = properties.instance() != null && !properties.instance().isBlank()
                ? properties.instance().replaceAll("[^A-Za-z0-9_.]", "_")
                : HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    public synchronized LakeWriter open(String stream) {
        SegmentWriter segments = new SegmentWriter(properties.dir(), stream, daemon, instance,
                properties.segmentMaxSize().toBytes(), properties.segmentMaxAge().toMillis(), clock);
        LakeWriter writer = new LakeWriter(stream, segments, json, properties.queueCapacity(),
                properties.fsyncInterval(), meters);
        opened.add(writer);
        return writer;
    }

    /** This process's instance name, as it appears in segment file names. */
    public String instance() {
        return instance;
    }

    @Override
    public synchronized void destroy() {
        opened.forEach(LakeWriter::close);
        opened.clear();
    }
}
