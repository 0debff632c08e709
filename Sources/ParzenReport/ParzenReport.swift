// ParzenReport: under construction in this session.
