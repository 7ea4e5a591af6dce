package io.sparkwise.eventlog.parse;

import io.sparkwise.state.event.StageInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static io.sparkwise.eventlog.parse.JsonAccess.asObj;
import static io.sparkwise.eventlog.parse.JsonAccess.integer;
import static io.sparkwise.eventlog.parse.JsonAccess.intList;
import static io.sparkwise.eventlog.parse.JsonAccess.list;
import static io.sparkwise.eventlog.parse.JsonAccess.lng;
import static io.sparkwise.eventlog.parse.JsonAccess.optLng;
import static io.sparkwise.eventlog.parse.JsonAccess.optStr;
import static io.sparkwise.eventlog.parse.JsonAccess.str;

/** Reads JsonProtocol's "Stage Info" objects. */
final class StageInfos {

    private StageInfos() {
    }

    static StageInfo parse(Map<String, Object> json) {
        List<Integer> rddIds = new ArrayList<>();
        for (Object rdd : list(json, "RDD Info")) {
            long id = lng(asObj(rdd), "RDD ID", -1);
            if (id >= 0) {
                rddIds.add((int) id);
            }
        }
        return new StageInfo(
                integer(json, "Stage ID", -1),
                integer(json, "Stage Attempt ID", 0),
                str(json, "Stage Name", ""),
                integer(json, "Number of Tasks", 0),
                rddIds,
                intList(json, "Parent IDs"),
                str(json, "Details", ""),
                positive(optLng(json, "Submission Time")),
                positive(optLng(json, "Completion Time")),
                optStr(json, "Failure Reason"),
                integer(json, "Resource Profile Id", 0));
    }

    private static OptionalLong positive(OptionalLong v) {
        return v.isPresent() && v.getAsLong() > 0 ? v : OptionalLong.empty();
    }
}
