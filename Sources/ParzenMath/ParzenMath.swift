// ParzenMath: under construction in this session.
