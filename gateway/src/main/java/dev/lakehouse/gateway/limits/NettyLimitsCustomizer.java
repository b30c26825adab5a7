package dev.lakehouse.gateway.limits;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Puts the edge's read deadlines on the gateway's Netty server. */
@Component
class NettyLimitsCustomizer implements NettyServerCustomizer {

    private final EdgeLimitsProperties limits;

    NettyLimitsCustomizer(EdgeLimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server
                .readTimeout(limits.bodyReadTimeout())
                .requestTimeout(limits.requestReadTimeout())
                .doOnChannelInit((observer, channel, remote) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, HeaderReadDeadline.NAME,
                                new HeaderReadDeadline(limits.headerReadTimeout()));
                    }
                });
    }
}
